"use client";
// The recruiter's row selection on a job, kept outside the table so it survives moving
// between pages, sorts and filters (each of which renders the page anew).
import { useCallback, useSyncExternalStore } from "react";
import type { RowSelectionState, Updater } from "@tanstack/react-table";

const selections = new Map<string, RowSelectionState>();
const listeners = new Set<() => void>();
const EMPTY: RowSelectionState = {};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useJobSelection(jobKey: string) {
  const selection = useSyncExternalStore(
    subscribe,
    () => selections.get(jobKey) ?? EMPTY,
    () => EMPTY,
  );
  const setSelection = useCallback(
    (updater: Updater<RowSelectionState>) => {
      const current = selections.get(jobKey) ?? EMPTY;
      const next = typeof updater === "function" ? updater(current) : updater;
      selections.set(jobKey, next);
      for (const listener of listeners) listener();
    },
    [jobKey],
  );
  return [selection, setSelection] as const;
}

export function selectedIds(selection: RowSelectionState): string[] {
  return Object.entries(selection)
    .filter(([, selected]) => selected)
    .map(([id]) => id);
}

"use client";

import { useActionState, useId } from "react";
import { ActionMessage } from "@/components/action-message";
import { SubmitButton } from "@/components/form-controls";
import { DateTimeText } from "@/components/time-zone";
import { changeTimeZoneAction } from "./time-zone-actions";

export function TimeZoneForm({ current, zones, now }: { current: string; zones: string[]; now: string }) {
  const [result, action, pending] = useActionState(changeTimeZoneAction, {});
  const id = useId();
  return (
    <form action={action} className="mt-4 space-y-4">
      <div>
        <label htmlFor={`${id}-zone`} className="block text-sm font-medium">
          Time zone
        </label>
        <select
          id={`${id}-zone`}
          name="timeZone"
          defaultValue={current}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, " ")}
            </option>
          ))}
        </select>
        <p className="mt-1 text-xs text-slate-500">
          The time now reads <DateTimeText value={now} />.
        </p>
      </div>
      <ActionMessage result={result} />
      <SubmitButton pending={pending} label="Save time zone" pendingLabel="Saving…" />
    </form>
  );
}

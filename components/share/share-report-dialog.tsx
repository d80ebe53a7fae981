"use client";

import { useId, useRef, type FormEvent } from "react";
import { createShareLinkAction } from "./share-actions";
import { DEFAULT_EXPIRY_CHOICE_HOURS, EXPIRY_CHOICES } from "./share-results";
import { CopyField } from "@/components/copy-field";
import { DateTimeText } from "@/components/time-zone";
import { FormError, SubmitButton } from "@/components/form-controls";
import { useServerAction } from "@/components/use-server-action";

interface ShareReportDialogProps {
  attemptId: string;
  /** Shown in the dialog's title so the recruiter knows whose report leaves the hub. */
  candidateName: string;
}

export function ShareReportDialog({ attemptId, candidateName }: ShareReportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { run, pending, data: created, failure, clear } = useServerAction(createShareLinkAction);

  function open() {
    clear();
    dialog.current?.showModal();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    run({
      attemptId,
      includeProctoring: form.get("includeProctoring") === "on",
      includeRecording: form.get("includeRecording") === "on",
      expiresInHours: Number(form.get("expiresInHours")),
    });
  }

  return (
    <>
      <button
        type="button"
        onClick={open}
        className="rounded-md border border-indigo-200 bg-white px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50"
      >
        Share report
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            Share {candidateName}&apos;s report
          </h2>
          {created ? (
            <div className="mt-4 space-y-3">
              <p className="text-sm text-slate-700">
                Anyone with this link can see the report until <DateTimeText value={created.expiresAt} />. Copy it now:
                it is shown only once.
              </p>
              <CopyField label="Share link" url={created.url} />
            </div>
          ) : (
            <form onSubmit={onSubmit} className="mt-4 space-y-4">
              <p className="text-sm text-slate-600">
                The link shows the score, the pass mark and the section scores. Add more only if the reader needs it.
              </p>
              <fieldset className="space-y-2">
                <legend className="sr-only">Also include</legend>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="includeProctoring" className="size-4" /> Include proctoring
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="includeRecording" className="size-4" /> Include recording
                </label>
              </fieldset>
              <label className="block text-sm font-medium">
                Link works for
                <select
                  name="expiresInHours"
                  defaultValue={DEFAULT_EXPIRY_CHOICE_HOURS}
                  className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
                >
                  {EXPIRY_CHOICES.map((choice) => (
                    <option key={choice.hours} value={choice.hours}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              </label>
              <FormError message={failure?.message} />
              <SubmitButton pending={pending} label="Create link" pendingLabel="Creating link…" fullWidth />
            </form>
          )}
          <form method="dialog" className="mt-4 text-right">
            <button type="submit" className="text-sm text-slate-600 underline-offset-2 hover:underline">
              {created ? "Done" : "Cancel"}
            </button>
          </form>
        </div>
      </dialog>
    </>
  );
}

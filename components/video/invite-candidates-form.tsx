"use client";

import { useId, useState, type FormEvent } from "react";
import { useServerAction } from "@/components/use-server-action";
import type { InviteOutcome } from "@/lib/shared/video-outcomes";
import { ActionError, FieldError, inputClass, primaryButtonClass } from "./action-feedback";
import { inviteVideoCandidatesAction } from "./video-actions";

const MAX_ROWS = 50;
const EXPIRY_DAYS = [3, 7, 14, 30];

type Row = { id: number; name: string; email: string };

/**
 * Invites one or many candidates (name + email) to a video interview. A failed invitation
 * keeps the rows, and retrying the same rows is replayed by the provider, never sent twice.
 */
export function InviteCandidatesForm({
  assessmentId,
  interviewName,
  disabled,
}: {
  assessmentId: string;
  interviewName: string;
  disabled: boolean;
}) {
  const [rows, setRows] = useState<Row[]>([{ id: 0, name: "", email: "" }]);
  const [expiresInDays, setExpiresInDays] = useState("7");
  const { run, pending, data: outcome, failure } = useServerAction(inviteVideoCandidatesAction);
  const id = useId();

  const update = (rowId: number, field: "name" | "email", value: string) =>
    setRows((current) => current.map((row) => (row.id === rowId ? { ...row, [field]: value } : row)));
  const addRow = () =>
    setRows((current) => [...current, { id: Math.max(...current.map((row) => row.id)) + 1, name: "", email: "" }]);
  const removeRow = (rowId: number) => setRows((current) => current.filter((row) => row.id !== rowId));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const candidates = rows
      .filter((row) => row.name.trim() || row.email.trim())
      .map(({ name, email }) => ({ name, email }));
    run({ assessmentId, candidates, expiresInDays }, () => setRows([{ id: 0, name: "", email: "" }]));
  }

  const fieldErrors = failure?.fieldErrors ?? {};
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={`Invite candidates to ${interviewName}`} noValidate>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Candidates</legend>
        {rows.map((row, index) => (
          <div key={row.id} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
            <label className="block text-sm">
              <span className="sr-only">Candidate {index + 1} </span>Name
              <input
                value={row.name}
                onChange={(event) => update(row.id, "name", event.target.value)}
                maxLength={200}
                autoComplete="off"
                className={inputClass}
              />
              <FieldError id={`${id}-${index}-name`} message={fieldErrors[`candidates.${index}.name`]} />
            </label>
            <label className="block text-sm">
              <span className="sr-only">Candidate {index + 1} </span>Email
              <input
                type="email"
                value={row.email}
                onChange={(event) => update(row.id, "email", event.target.value)}
                maxLength={320}
                autoComplete="off"
                className={inputClass}
              />
              <FieldError id={`${id}-${index}-email`} message={fieldErrors[`candidates.${index}.email`]} />
            </label>
            {rows.length > 1 && (
              <button
                type="button"
                onClick={() => removeRow(row.id)}
                className="self-end py-2 text-sm text-slate-600 hover:underline"
              >
                Remove<span className="sr-only"> candidate {index + 1}</span>
              </button>
            )}
          </div>
        ))}
        {rows.length < MAX_ROWS && (
          <button type="button" onClick={addRow} className="text-sm font-medium text-indigo-700 hover:underline">
            + Add another candidate
          </button>
        )}
        <FieldError id={`${id}-candidates`} message={fieldErrors.candidates} />
      </fieldset>
      <label className="block text-sm font-medium">
        Link expires after
        <select
          value={expiresInDays}
          onChange={(event) => setExpiresInDays(event.target.value)}
          className={`${inputClass} sm:w-40`}
        >
          {EXPIRY_DAYS.map((days) => (
            <option key={days} value={days}>
              {days} days
            </option>
          ))}
        </select>
      </label>
      <ActionError failure={failure} />
      {outcome && <InviteSummary outcome={outcome} />}
      <button type="submit" disabled={pending || disabled} className={primaryButtonClass}>
        {pending ? "Inviting…" : failure?.retryable ? "Try again" : "Send invitations"}
      </button>
    </form>
  );
}

function InviteSummary({ outcome }: { outcome: InviteOutcome }) {
  const { invited, alreadyInvited, erased } = outcome;
  return (
    <div role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      {invited.length > 0 && (
        <p>
          Invited {invited.length} candidate{invited.length === 1 ? "" : "s"}:{" "}
          {invited.map((candidate) => candidate.name).join(", ")}.
        </p>
      )}
      {alreadyInvited.length > 0 && <p>Already invited, so not sent again: {alreadyInvited.join(", ")}.</p>}
      {erased.length > 0 && (
        <p>
          Not invited, because their data was erased on request: {erased.join(", ")}. An admin can lift an erasure under
          Settings → Privacy if the person applies again.
        </p>
      )}
    </div>
  );
}

"use client";

import { useActionState, useId } from "react";
import { ActionMessage } from "@/components/action-message";
import { SubmitButton } from "@/components/form-controls";
import { createApiTokenAction } from "./actions";

const LABEL = "block text-sm font-medium";
const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

export function CreateTokenForm({ expiryDays }: { expiryDays: readonly number[] }) {
  const [result, action, pending] = useActionState(createApiTokenAction, {});
  const id = useId();
  const token = result.data?.token;
  return (
    <>
      <form key={token ?? "form"} action={action} className="mt-4 space-y-4">
        <div>
          <label htmlFor={`${id}-name`} className={LABEL}>
            Name
          </label>
          <input id={`${id}-name`} name="name" required maxLength={100} autoComplete="off" className={FIELD} />
        </div>
        <div>
          <label htmlFor={`${id}-scope`} className={LABEL}>
            Scope
          </label>
          <select id={`${id}-scope`} name="scope" defaultValue="read" className={FIELD}>
            <option value="read">read: results and health</option>
            <option value="admin">admin: read, plus erasures and the poller&apos;s details</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-expiry`} className={LABEL}>
            Expires after
          </label>
          <select id={`${id}-expiry`} name="expiresInDays" defaultValue="90" className={FIELD}>
            {expiryDays.map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </select>
        </div>
        <ActionMessage result={result} />
        <SubmitButton pending={pending} label="Create token" pendingLabel="Creating…" />
      </form>
      {token && (
        <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <label htmlFor={`${id}-token`} className="font-medium">
            Your new token (shown once)
          </label>
          <input
            id={`${id}-token`}
            readOnly
            value={token}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 block w-full rounded border border-amber-300 bg-white px-2 py-1 font-mono text-xs"
          />
          <p className="mt-1 text-xs">
            Send it as <code>Authorization: Bearer …</code>.
          </p>
        </div>
      )}
    </>
  );
}

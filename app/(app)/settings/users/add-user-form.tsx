"use client";

import { useActionState, useId } from "react";
import { ActionMessage } from "@/components/action-message";
import { createUserAction } from "./actions";
import { EmailInput, FIELD_CLASS as FIELD, SubmitButton } from "@/components/form-controls";

const LABEL = "block text-sm font-medium";

export function AddUserForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [result, action, pending] = useActionState(createUserAction, {});
  const id = useId();
  return (
    // A successful add re-mounts the form (key), which clears it for the next person.
    <form key={result.data?.message ?? "form"} action={action} className="mt-4 space-y-4">
      <div>
        <label htmlFor={`${id}-name`} className={LABEL}>
          Name
        </label>
        <input id={`${id}-name`} name="name" required maxLength={200} autoComplete="off" className={FIELD} />
      </div>
      <div>
        <label htmlFor={`${id}-email`} className={LABEL}>
          Email
        </label>
        <EmailInput id={`${id}-email`} />
      </div>
      <div>
        <label htmlFor={`${id}-role`} className={LABEL}>
          Role
        </label>
        <select id={`${id}-role`} name="role" defaultValue="recruiter" className={FIELD}>
          <option value="recruiter">Recruiter</option>
          <option value="admin">Admin</option>
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-password`} className={LABEL}>
          Initial password
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          required
          minLength={minPasswordLength}
          autoComplete="new-password"
          aria-describedby={`${id}-password-hint`}
          className={FIELD}
        />
        <p id={`${id}-password-hint`} className="mt-1 text-xs text-slate-500">
          At least {minPasswordLength} characters.
        </p>
      </div>
      <ActionMessage result={result} />
      <SubmitButton pending={pending} label="Add user" pendingLabel="Adding…" />
    </form>
  );
}

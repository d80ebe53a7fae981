"use client";

import { useActionState, useId } from "react";
import { ActionMessage } from "@/components/action-message";
import { SubmitButton } from "@/components/form-controls";
import { changePasswordAction } from "./actions";

const LABEL = "block text-sm font-medium";
const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

export function ChangePasswordForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [result, action, pending] = useActionState(changePasswordAction, {});
  const id = useId();
  const fields = [
    { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
    { name: "newPassword", label: "New password", autoComplete: "new-password" },
    { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
  ];
  return (
    <form key={result.data?.message ?? "form"} action={action} className="mt-4 space-y-4">
      {fields.map((field) => (
        <div key={field.name}>
          <label htmlFor={`${id}-${field.name}`} className={LABEL}>
            {field.label}
          </label>
          <input
            id={`${id}-${field.name}`}
            name={field.name}
            type="password"
            required
            minLength={field.name === "currentPassword" ? 1 : minPasswordLength}
            maxLength={1024}
            autoComplete={field.autoComplete}
            className={FIELD}
          />
        </div>
      ))}
      <p className="text-xs text-slate-500">At least {minPasswordLength} characters.</p>
      <ActionMessage result={result} />
      <SubmitButton pending={pending} label="Change password" pendingLabel="Changing…" />
    </form>
  );
}

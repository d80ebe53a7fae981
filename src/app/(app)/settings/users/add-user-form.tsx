"use client";

import { useActionState } from "react";
import { createUserAction } from "./actions";

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

export function AddUserForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [result, action, pending] = useActionState(createUserAction, null);
  return (
    // A successful add re-mounts the form (key), which clears it for the next person.
    <form key={result?.ok ? result.message : "form"} action={action} className="mt-4 space-y-4">
      <label className="block text-sm font-medium">
        Name
        <input name="name" required maxLength={200} autoComplete="off" className={FIELD} />
      </label>
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" required maxLength={320} autoComplete="off" className={FIELD} />
      </label>
      <label className="block text-sm font-medium">
        Role
        <select name="role" defaultValue="recruiter" className={FIELD}>
          <option value="recruiter">Recruiter</option>
          <option value="admin">Admin</option>
        </select>
      </label>
      <label className="block text-sm font-medium">
        Initial password
        <input
          name="password"
          type="password"
          required
          minLength={minPasswordLength}
          autoComplete="new-password"
          className={FIELD}
        />
        <span className="mt-1 block text-xs font-normal text-slate-500">At least {minPasswordLength} characters.</span>
      </label>
      {result && (
        <p
          role={result.ok ? "status" : "alert"}
          className={`rounded-md px-3 py-2 text-sm ${result.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          {result.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
      >
        {pending ? "Adding…" : "Add user"}
      </button>
    </form>
  );
}

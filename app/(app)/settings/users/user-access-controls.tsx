"use client";

import { useState, useTransition } from "react";
import type { Role } from "@/lib/shared/vocabulary";
import { changeRoleAction, setActiveAction } from "./actions";
import type { UserActionResult } from "./user-action-result";

interface UserAccessControlsProps {
  userId: string;
  email: string;
  role: Role;
  active: boolean;
  isSelf: boolean;
}

export function UserAccessControls({ userId, email, role, active, isSelf }: UserAccessControlsProps) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<UserActionResult | null>(null);

  function submit(change: () => Promise<UserActionResult>, selfWarning: string) {
    if (isSelf && !window.confirm(selfWarning)) return;
    setResult(null);
    startTransition(async () => setResult(await change()));
  }

  const otherRole: Role = role === "admin" ? "recruiter" : "admin";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="w-20 capitalize">{role}</span>
      <button
        type="button"
        disabled={pending}
        aria-label={`Make ${email} ${otherRole === "admin" ? "an admin" : "a recruiter"}`}
        onClick={() =>
          submit(() => changeRoleAction(userId, otherRole), "Change your own role? You will be signed out.")
        }
        className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        Make {otherRole}
      </button>
      <button
        type="button"
        disabled={pending}
        aria-label={`${active ? "Deactivate" : "Reactivate"} ${email}`}
        onClick={() => submit(() => setActiveAction(userId, !active), "Deactivate yourself? You will be signed out.")}
        className={`rounded-md border px-2 py-1 text-xs font-medium disabled:opacity-60 ${
          active ? "border-red-200 text-red-700 hover:bg-red-50" : "border-green-200 text-green-800 hover:bg-green-50"
        }`}
      >
        {active ? "Deactivate" : "Reactivate"}
      </button>
      {result && (
        <span
          role={result.ok ? "status" : "alert"}
          className={`basis-full text-xs ${result.ok ? "text-green-800" : "text-red-700"}`}
        >
          {result.message}
        </span>
      )}
    </div>
  );
}

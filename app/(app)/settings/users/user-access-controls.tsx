"use client";

import { useServerAction } from "@/components/use-server-action";
import type { ActionResult } from "@/lib/shared/action-result";
import type { Role } from "@/lib/shared/vocabulary";
import { changeRoleAction, setActiveAction } from "./actions";

interface UserAccessControlsProps {
  userId: string;
  email: string;
  role: Role;
  active: boolean;
  isSelf: boolean;
}

type Change = () => Promise<ActionResult<{ message: string }>>;

export function UserAccessControls({ userId, email, role, active, isSelf }: UserAccessControlsProps) {
  // Both buttons share one answer line: the latest change's.
  const { run, pending, data, failure, clear } = useServerAction((change: Change) => change());

  function submit(change: Change, selfWarning: string) {
    if (isSelf && !window.confirm(selfWarning)) return;
    clear();
    run(change);
  }

  const otherRole: Role = role === "admin" ? "recruiter" : "admin";
  const message = failure?.message ?? data?.message;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="w-20 capitalize">{role}</span>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          submit(() => changeRoleAction({ userId, role: otherRole }), "Change your own role? You will be signed out.")
        }
        className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        {/* The whole name is in the text, so what is seen is part of what is heard. */}
        Make <span className="sr-only">{email} </span>
        {otherRole === "admin" ? "an admin" : "a recruiter"}
      </button>
      <button
        type="button"
        disabled={pending}
        aria-label={`${active ? "Deactivate" : "Reactivate"} ${email}`}
        onClick={() =>
          submit(() => setActiveAction({ userId, active: !active }), "Deactivate yourself? You will be signed out.")
        }
        className={`rounded-md border px-2 py-1 text-xs font-medium disabled:opacity-60 ${
          active ? "border-red-200 text-red-700 hover:bg-red-50" : "border-green-200 text-green-800 hover:bg-green-50"
        }`}
      >
        {active ? "Deactivate" : "Reactivate"}
      </button>
      {message && (
        <span
          role={failure ? "alert" : "status"}
          className={`basis-full text-xs ${failure ? "text-red-700" : "text-green-800"}`}
        >
          {message}
        </span>
      )}
    </div>
  );
}

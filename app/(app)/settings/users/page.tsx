import type { Metadata } from "next";
import { SettingsFormCard, SettingsHeader } from "@/components/settings-header";
import { BodyCell, HeaderCells, TableShell } from "@/components/data-table";
import { MIN_PASSWORD_LENGTH } from "@/lib/server/auth/password";
import { requireAdmin } from "@/lib/server/auth/session";
import { formatDateTime, resolveTimeZone } from "@/lib/shared/date-time";
import { slowedAccounts } from "@/lib/server/auth/sign-in-throttle";
import { activeSessions, sessionLimits } from "@/lib/server/auth/user-sessions";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { listUsers } from "@/lib/server/users/manage-users";
import { AddUserForm } from "./add-user-form";
import { UserAccessControls } from "./user-access-controls";
import { UserSecurityControls, type SessionRow } from "./user-security-controls";

export const metadata: Metadata = { title: "Users" };

const PAD = "px-4 py-2";

export default async function UsersPage() {
  const me = await requireAdmin();
  const timeZone = resolveTimeZone(me.timeZone);
  const users = await listUsers(db());
  const now = new Date();
  const sessions = await activeSessions(db(), sessionLimits(env()), now);
  const slowed = await slowedAccounts(
    db(),
    users.map((user) => user.email),
    now,
  );
  const sessionsOf = (userId: string): SessionRow[] =>
    sessions
      .filter((session) => session.userId === userId)
      .map((session) => ({
        id: session.id,
        ipAddress: session.ipAddress,
        userAgent: session.userAgent,
        startedAt: formatDateTime(session.createdAt, timeZone),
        lastSeen: formatDateTime(session.lastSeenAt, timeZone),
      }));
  return (
    <section className="space-y-8">
      <SettingsHeader title="Users">
        Recruiters see jobs and candidates and can share reports; admins also manage providers, the event log and users.
        Changing someone&apos;s role or deactivating them signs them out at once. Sessions end after{" "}
        {env().SESSION_IDLE_HOURS} hours without use and {env().SESSION_MAX_HOURS} hours at most; you can end one
        sooner.
      </SettingsHeader>

      <TableShell framed>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
            <tr>
              <HeaderCells pad={PAD} columns={["Name", "Email", "Status", "Last sign-in", "Role and access"]} />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => (
              <tr key={user.id} data-user-email={user.email} className={user.active ? "" : "text-slate-500"}>
                <BodyCell pad={PAD} className="font-medium">
                  {user.name}
                  {user.id === me.id && <span className="ml-1 text-xs font-normal text-slate-500">(you)</span>}
                </BodyCell>
                <BodyCell pad={PAD}>{user.email}</BodyCell>
                <BodyCell pad={PAD}>{user.active ? "Active" : "Deactivated"}</BodyCell>
                <BodyCell pad={PAD}>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, timeZone) : "never"}</BodyCell>
                <BodyCell pad={PAD}>
                  <UserAccessControls
                    userId={user.id}
                    email={user.email}
                    role={user.role}
                    active={user.active}
                    isSelf={user.id === me.id}
                  />
                  <UserSecurityControls
                    userId={user.id}
                    email={user.email}
                    sessions={sessionsOf(user.id)}
                    slowedFailures={slowed.get(user.email)?.failures ?? null}
                    minPasswordLength={MIN_PASSWORD_LENGTH}
                  />
                </BodyCell>
              </tr>
            ))}
          </tbody>
        </table>
      </TableShell>

      <SettingsFormCard title="Add a user">
        <AddUserForm minPasswordLength={MIN_PASSWORD_LENGTH} />
      </SettingsFormCard>
    </section>
  );
}

import type { Metadata } from "next";
import { SettingsFormCard, SettingsHeader } from "@/components/settings-header";
import { BodyCell, HeaderCells, TableShell } from "@/components/data-table";
import { listApiTokens, TOKEN_EXPIRY_DAYS, type ApiTokenListItem } from "@/lib/server/auth/api-tokens";
import { requireAdmin } from "@/lib/server/auth/session";
import { formatDateTime, resolveTimeZone } from "@/lib/shared/date-time";
import { db } from "@/lib/server/db";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export const metadata: Metadata = { title: "API tokens" };

const PAD = "px-4 py-2";

function statusOf(token: ApiTokenListItem, now: Date, timeZone: string): string {
  if (token.revokedAt) return `Revoked ${formatDateTime(token.revokedAt, timeZone)}`;
  if (token.expiresAt && token.expiresAt <= now) return `Expired ${formatDateTime(token.expiresAt, timeZone)}`;
  return token.expiresAt ? `Active until ${formatDateTime(token.expiresAt, timeZone)}` : "Active, no expiry";
}

export default async function ApiTokensPage() {
  const timeZone = resolveTimeZone((await requireAdmin()).timeZone);
  const tokens = await listApiTokens(db());
  const now = new Date();
  return (
    <section className="space-y-8">
      <SettingsHeader title="API tokens">
        Tokens for the read API (<code>/api/v1</code>). A <strong>read</strong> token reads results; an{" "}
        <strong>admin</strong> token can also erase a person and see the poller&apos;s details. Each token may make 600
        requests a minute. A token is shown once; only its hash is kept. Tokens from API_TOKEN and ADMIN_API_TOKEN stay
        revoked once revoked here, across restarts.
      </SettingsHeader>

      <TableShell framed>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
            <tr>
              <HeaderCells pad={PAD} columns={["Name", "Scope", "Created", "Last used", "Status", ""]} />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.length === 0 && (
              <tr>
                <td colSpan={6} className="px-4 py-6 text-center text-slate-500">
                  No tokens yet.
                </td>
              </tr>
            )}
            {tokens.map((token) => (
              <tr key={token.id} data-token-name={token.name} className={token.revokedAt ? "text-slate-500" : ""}>
                <BodyCell pad={PAD} className="font-medium">
                  {token.name}
                </BodyCell>
                <BodyCell pad={PAD}>{token.scope}</BodyCell>
                <BodyCell pad={PAD}>
                  {formatDateTime(token.createdAt, timeZone)}
                  <span className="block text-xs text-slate-500">
                    {token.fromSetting ? `from ${token.fromSetting}` : (token.createdBy ?? "")}
                  </span>
                </BodyCell>
                <BodyCell pad={PAD}>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, timeZone) : "never"}</BodyCell>
                <BodyCell pad={PAD}>{statusOf(token, now, timeZone)}</BodyCell>
                <BodyCell pad={PAD}>
                  {!token.revokedAt && <RevokeTokenButton tokenId={token.id} name={token.name} />}
                </BodyCell>
              </tr>
            ))}
          </tbody>
        </table>
      </TableShell>

      <SettingsFormCard title="Create a token">
        <CreateTokenForm expiryDays={TOKEN_EXPIRY_DAYS} />
      </SettingsFormCard>
    </section>
  );
}

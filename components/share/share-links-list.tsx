import { formatDateTime } from "@/lib/shared/date-time";
import { requireUser } from "@/lib/server/auth/session";
import { resolveTimeZone } from "@/lib/shared/date-time";
import { db } from "@/lib/server/db";
import { listShareLinks, type ShareLinkStatus, type ShareLinkSummary } from "@/lib/server/share/share-links";
import { HeaderCells, HiddenLabel, TableShell } from "@/components/data-table";
import { RevokeShareLinkButton } from "./revoke-share-link-button";

const STATUS_STYLES: Record<ShareLinkStatus, string> = {
  active: "bg-green-50 text-green-800",
  expired: "bg-slate-100 text-slate-600",
  revoked: "bg-red-50 text-red-700",
};

/** An attempt's share links: who made each, until when, how often it was opened. */
export async function ShareLinksList({ attemptId }: { attemptId: string }) {
  const timeZone = resolveTimeZone((await requireUser()).timeZone);
  const links = await listShareLinks(db(), attemptId);
  if (links.length === 0) return <p className="text-sm text-slate-500">Not shared yet.</p>;
  return (
    <TableShell>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Share links for this result</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <HeaderCells
              pad="py-1 pr-3"
              columns={[
                "Status",
                "Shared by",
                "Includes",
                "Expires",
                "Views",
                "Last viewed",
                { label: <HiddenLabel>Actions</HiddenLabel>, pad: "py-1" },
              ]}
            />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {links.map((link) => (
            <ShareLinkRow key={link.id} link={link} timeZone={timeZone} />
          ))}
        </tbody>
      </table>
    </TableShell>
  );
}

function ShareLinkRow({ link, timeZone }: { link: ShareLinkSummary; timeZone: string }) {
  const includes = ["score", link.includeProctoring && "proctoring", link.includeRecording && "recording"].filter(
    Boolean,
  );
  return (
    <tr data-share-link={link.id}>
      <td className="py-1.5 pr-3">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[link.status]}`}>
          {link.status}
        </span>
      </td>
      <td className="py-1.5 pr-3">
        {link.createdBy ?? "a removed user"}
        <span className="block text-xs text-slate-500">{timeText(link.createdAt, timeZone)}</span>
      </td>
      <td className="py-1.5 pr-3">{includes.join(", ")}</td>
      <td className="py-1.5 pr-3">
        {link.status === "revoked" && link.revokedAt ? (
          <>revoked {timeText(link.revokedAt, timeZone)}</>
        ) : (
          timeText(link.expiresAt, timeZone)
        )}
      </td>
      <td className="py-1.5 pr-3 tabular-nums">{link.viewCount}</td>
      <td className="py-1.5 pr-3">{link.lastViewedAt ? timeText(link.lastViewedAt, timeZone) : "never"}</td>
      <td className="py-1.5 text-right">
        {link.status === "active" && (
          <RevokeShareLinkButton
            linkId={link.id}
            label={`Revoke the link shared by ${link.createdBy ?? "a removed user"} on ${formatDateTime(link.createdAt, timeZone)}`}
          />
        )}
      </td>
    </tr>
  );
}

function timeText(value: Date, timeZone: string) {
  return <time dateTime={value.toISOString()}>{formatDateTime(value, timeZone)}</time>;
}

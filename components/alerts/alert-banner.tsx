import "server-only";
import { raisedAlerts } from "@/lib/server/alerts/alert-state";
import { db } from "@/lib/server/db";
import { log } from "@/lib/server/log";
import { formatDateTime } from "@/lib/shared/date-time";

// Shown to admins above every page while an operational alert is raised (deliveries failing,
// poller stalled, backlog growing, a webhook endpoint refusing everything). Rendered by the
// layout; it clears itself once the evaluator sees the condition recover.
export async function AlertBanner({ timeZone }: { timeZone: string }) {
  const alerts = await raisedAlerts(db()).catch((error: unknown) => {
    log.warn({ err: error }, "alert banner: reading raised alerts failed");
    return [];
  });
  if (alerts.length === 0) return null;
  return (
    <section aria-label="Operational alerts" className="border-b border-red-300 bg-red-50">
      <ul className="mx-auto max-w-7xl space-y-1 px-4 py-2 text-sm text-red-900">
        {alerts.map((alert) => (
          <li key={alert.key} data-alert={alert.key}>
            <strong className="font-semibold">Alert since {formatDateTime(alert.raisedAt, timeZone)}:</strong>{" "}
            {alert.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

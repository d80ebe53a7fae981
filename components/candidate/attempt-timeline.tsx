import type { AttemptDetail } from "@/lib/server/results/candidate-detail";
import { providerLabel } from "@/components/format";
import { formatDateTime } from "@/lib/shared/date-time";

const OUTCOMES: Record<string, { label: string; tone: string }> = {
  applied: { label: "Applied", tone: "bg-emerald-50 text-emerald-800" },
  skipped_older: { label: "Skipped: older", tone: "bg-amber-50 text-amber-900" },
  duplicate: { label: "No change", tone: "bg-slate-100 text-slate-700" },
};

/** Every delivery that touched this attempt, applied or not, so a recruiter can see why it shows what it shows. */
export function AttemptTimeline({
  timeline,
  total,
  timeZone,
}: {
  timeline: AttemptDetail["timeline"];
  total: number;
  /** The viewer's IANA zone, named in every time. */
  timeZone: string;
}) {
  return (
    <details>
      <summary className="cursor-pointer text-sm font-semibold text-slate-700">
        Delivery timeline ({total} {total === 1 ? "delivery" : "deliveries"})
      </summary>
      {total > timeline.length && <p className="mt-2 text-xs text-slate-500">Showing the latest {timeline.length}.</p>}
      <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-4">
        {timeline.map((change) => {
          const outcome = OUTCOMES[change.outcome] ?? { label: change.outcome, tone: "bg-slate-100 text-slate-700" };
          return (
            <li key={change.id} className="text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <time dateTime={change.recordedAt.toISOString()} className="text-slate-600">
                  {formatDateTime(change.recordedAt, timeZone)}
                </time>
                <span className="text-slate-500">{providerLabel(change.provider)}</span>
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${outcome.tone}`}>{outcome.label}</span>
              </div>
              <p className="text-slate-800">{change.summary}</p>
              {change.occurredAt && (
                <p className="text-xs text-slate-500">Provider time {formatDateTime(change.occurredAt, timeZone)}</p>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

import type { SectionScore } from "@/lib/server/domain/events";
import { formatDuration, formatNumber, formatPercent } from "@/components/format";

function percentOf(section: SectionScore): number | null {
  if (section.percentage !== null) return section.percentage;
  if (section.score !== null && section.maxScore) return (section.score / section.maxScore) * 100;
  return null;
}

/**
 * Section or skill scores as bars, with the provider's recommended value marked when it gives one,
 * the named level (an ordinal label), where the candidate ranks (percentile), time spent, and
 * the evaluator's remarks.
 */
export function SectionChart({ sections }: { sections: SectionScore[] }) {
  const isSkills = sections.some((section) => section.recommended != null || section.skill);
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">{isSkills ? "Skills" : "Sections"}</h3>
      <ul className="mt-2 space-y-2">
        {sections.map((section, index) => {
          const percent = percentOf(section);
          const recommended =
            section.recommended != null && section.maxScore ? (section.recommended / section.maxScore) * 100 : null;
          const below = percent !== null && recommended !== null && percent < recommended;
          return (
            <li
              key={`${section.name}-${index}`}
              className="grid grid-cols-1 gap-1 sm:grid-cols-[12rem_1fr_7rem] sm:items-center sm:gap-3"
            >
              <span className="text-sm">
                {section.name}
                {section.skill && section.skill !== section.name && (
                  <span className="text-slate-500"> · {section.skill}</span>
                )}
              </span>
              <div
                role="img"
                aria-label={`${section.name}: ${percent === null ? (section.label ?? "not scored") : formatPercent(percent)}${
                  recommended === null ? "" : `, recommended ${formatPercent(recommended)}`
                }`}
                className="relative h-2.5 rounded-full bg-slate-200"
              >
                {percent !== null && (
                  <div
                    className={`h-2.5 rounded-full ${below ? "bg-amber-500" : "bg-indigo-500"}`}
                    style={{ width: `${Math.min(100, Math.max(0, percent))}%` }}
                  />
                )}
                {recommended !== null && (
                  <div
                    className="absolute -top-1 h-4.5 w-0.5 bg-slate-900"
                    style={{ left: `calc(${Math.min(100, recommended)}% - 1px)` }}
                  />
                )}
              </div>
              <span className="text-sm tabular-nums text-slate-700">
                {section.score === null ? (section.label ? "" : "—") : formatNumber(section.score)}
                {section.score !== null && section.maxScore ? ` / ${formatNumber(section.maxScore)}` : ""}
                {section.label && <span className="block font-medium text-slate-800">{section.label}</span>}
                {section.recommended != null && (
                  <span className="block text-xs text-slate-500">recommended {formatNumber(section.recommended)}</span>
                )}
                {section.percentile != null && (
                  <span className="block text-xs text-slate-500">{formatPercentile(section.percentile)}</span>
                )}
                {section.durationSeconds != null && (
                  <span className="block text-xs text-slate-500">time {formatDuration(section.durationSeconds)}</span>
                )}
              </span>
              {section.remarks && (
                <p className="text-sm text-slate-700 sm:col-span-3">
                  <span className="text-slate-500">Evaluator&apos;s remarks: </span>
                  <span className="whitespace-pre-wrap">{section.remarks}</span>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function formatPercentile(percentile: number): string {
  const rank = Math.round(percentile);
  const suffix = rank % 100 >= 11 && rank % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][rank % 10] ?? "th");
  return `${rank}${suffix} percentile`;
}

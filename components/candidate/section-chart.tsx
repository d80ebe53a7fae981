import type { SectionScore } from "@/lib/server/domain/events";
import { formatNumber, formatPercent } from "@/components/format";

function percentOf(section: SectionScore): number | null {
  if (section.percentage !== null) return section.percentage;
  if (section.score !== null && section.maxScore) return (section.score / section.maxScore) * 100;
  return null;
}

/** Section or skill scores as bars, with the provider's recommended value marked when it gives one. */
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
                aria-label={`${section.name}: ${percent === null ? "not scored" : formatPercent(percent)}${
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
                {section.score === null ? "—" : formatNumber(section.score)}
                {section.maxScore ? ` / ${formatNumber(section.maxScore)}` : ""}
                {section.recommended != null && (
                  <span className="block text-xs text-slate-500">recommended {formatNumber(section.recommended)}</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

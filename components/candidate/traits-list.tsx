import type { Trait } from "@/lib/server/domain/events";
import { formatNumber } from "@/components/format";

/** Personality and trait insights, each with its score on its own scale. */
export function TraitsList({ traits }: { traits: Trait[] }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">Traits</h3>
      <ul className="mt-2 grid gap-3 sm:grid-cols-2">
        {traits.map((trait, index) => {
          const scale = trait.maxScore && trait.maxScore > 0 ? trait.maxScore : null;
          const percent = trait.score !== null && scale ? Math.min(100, (trait.score / scale) * 100) : null;
          return (
            <li key={`${trait.name}-${index}`} className="rounded-md border border-slate-200 p-2">
              <p className="flex justify-between text-sm">
                <span className="font-medium">{trait.name}</span>
                <span className="tabular-nums text-slate-700">
                  {trait.score === null ? "pending" : formatNumber(trait.score)}
                  {scale && trait.score !== null ? ` / ${formatNumber(scale)}` : ""}
                </span>
              </p>
              {percent !== null && (
                <div className="mt-1 h-1.5 rounded-full bg-slate-200" aria-hidden="true">
                  <div className="h-1.5 rounded-full bg-violet-500" style={{ width: `${percent}%` }} />
                </div>
              )}
              {trait.description && <p className="mt-1 text-xs text-slate-600">{trait.description}</p>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

import { formatNumber } from "@/components/format";

interface ScoreBarProps {
  score: number | null;
  maxScore: number | null;
  passMark: number | null;
  passed: boolean | null;
}

/**
 * The score as a bar against its scale, with the pass mark drawn where it falls. Without a max
 * score the scale is unknown: the number is shown alone, never drawn as if out of 100.
 */
export function ScoreBar({ score, maxScore, passMark, passed }: ScoreBarProps) {
  if (score === null) return <p className="text-sm text-slate-600">No score yet.</p>;
  if (!maxScore || maxScore <= 0) {
    return (
      <div>
        <p className="text-3xl font-semibold tabular-nums">{formatNumber(score)}</p>
        <p className="text-xs text-slate-500">The provider does not say what this score is out of.</p>
      </div>
    );
  }
  const percent = Math.min(100, Math.max(0, (score / maxScore) * 100));
  const markPercent = passMark === null ? null : Math.min(100, Math.max(0, (passMark / maxScore) * 100));
  const tone = passed === false ? "bg-rose-500" : passed === true ? "bg-emerald-500" : "bg-indigo-500";
  const description = `Score ${formatNumber(score)} of ${formatNumber(maxScore)}${
    passMark === null ? "" : `; pass mark ${formatNumber(passMark)}`
  }`;
  return (
    <div>
      <p className="flex items-baseline gap-1">
        <span className="text-3xl font-semibold tabular-nums">{formatNumber(score)}</span>
        <span className="text-slate-500">/ {formatNumber(maxScore)}</span>
        {passMark !== null && <span className="ml-2 text-sm text-slate-600">pass mark {formatNumber(passMark)}</span>}
      </p>
      <div role="img" aria-label={description} className="relative mt-2 h-3 w-full rounded-full bg-slate-200">
        <div className={`h-3 rounded-full ${tone}`} style={{ width: `${percent}%` }} />
        {markPercent !== null && (
          <div className="absolute -top-1 h-5 w-0.5 bg-slate-900" style={{ left: `calc(${markPercent}% - 1px)` }} />
        )}
      </div>
    </div>
  );
}

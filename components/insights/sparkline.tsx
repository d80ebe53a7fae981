// A job's completions per week on /jobs: a small SVG with its meaning in an aria-label and in
// the visible total beside it, so the trend is never carried by the line alone.

export function Sparkline({ counts, label }: { counts: number[]; label: string }) {
  const width = 80;
  const height = 22;
  const highest = Math.max(1, ...counts);
  const step = counts.length > 1 ? width / (counts.length - 1) : width;
  const points = counts.map(
    (count, index) => `${(index * step).toFixed(1)},${(height - 2 - (count / highest) * (height - 4)).toFixed(1)}`,
  );
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
      <polyline
        points={points.join(" ")}
        fill="none"
        className="stroke-indigo-600"
        strokeWidth={1.5}
        strokeLinejoin="round"
      />
      {counts.length > 0 && (
        <circle
          cx={(counts.length - 1) * step}
          cy={height - 2 - (counts.at(-1)! / highest) * (height - 4)}
          r={2}
          className="fill-indigo-600"
        />
      )}
    </svg>
  );
}

// A plain SVG bar chart, rendered on the server: no script, so it works under the page's
// nonce CSP. The surrounding ChartFigure carries the words and the numbers; the picture is
// labelled with the same finding for assistive technology that reads images.

interface Bar {
  label: string;
  value: number;
  /** Drawn in the stronger colour (at or above the pass mark); the caption and table say it too. Both colours keep 3:1 against the card. */
  emphasised?: boolean;
}

interface BarChartProps {
  bars: Bar[];
  label: string;
  /** Axis labels under the first, middle and last bar. */
  axis?: [string, string, string];
  /** A vertical marker at this fraction of the width (0–1), with its text. */
  marker?: { at: number; text: string };
}

const WIDTH = 300;
const HEIGHT = 110;
const PLOT_TOP = 14;
const PLOT_BOTTOM = 92;

export function BarChart({ bars, label, axis, marker }: BarChartProps) {
  const highest = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = WIDTH / Math.max(1, bars.length);
  const plotHeight = PLOT_BOTTOM - PLOT_TOP;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="h-auto w-full">
      <line x1={0} x2={WIDTH} y1={PLOT_BOTTOM} y2={PLOT_BOTTOM} className="stroke-slate-300" strokeWidth={1} />
      {bars.map((bar, index) => {
        const height = (bar.value / highest) * plotHeight;
        return (
          <rect
            key={index}
            x={index * slot + slot * 0.12}
            y={PLOT_BOTTOM - height}
            width={slot * 0.76}
            height={Math.max(height, bar.value > 0 ? 1.5 : 0)}
            rx={1.5}
            className={bar.emphasised ? "fill-indigo-700" : "fill-indigo-400"}
          >
            <title>{`${bar.label}: ${bar.value.toLocaleString("en")}`}</title>
          </rect>
        );
      })}
      {marker && (
        <g>
          <line
            x1={marker.at * WIDTH}
            x2={marker.at * WIDTH}
            y1={PLOT_TOP - 4}
            y2={PLOT_BOTTOM}
            className="stroke-rose-700"
            strokeWidth={1.5}
            strokeDasharray="4 3"
          />
          <text
            x={Math.min(Math.max(marker.at * WIDTH, 40), WIDTH - 40)}
            y={PLOT_TOP - 5}
            textAnchor="middle"
            className="fill-rose-800 text-[9px] font-medium"
          >
            {marker.text}
          </text>
        </g>
      )}
      {axis &&
        axis.map((text, index) => (
          <text
            key={index}
            x={index === 0 ? 0 : index === 1 ? WIDTH / 2 : WIDTH}
            y={HEIGHT - 4}
            textAnchor={index === 0 ? "start" : index === 1 ? "middle" : "end"}
            className="fill-slate-600 text-[9px]"
          >
            {text}
          </text>
        ))}
    </svg>
  );
}

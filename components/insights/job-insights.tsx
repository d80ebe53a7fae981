// The pictures above a job's table: score distribution per assessment with its pass mark,
// the funnel per provider, integrity flags, time to complete and completions per week.
// A server component: plain SVG and HTML, no client script.
import type { JobInsights } from "@/lib/server/insights/job-insights";
import {
  DURATION_BIN_LIMITS_MINUTES,
  SCORE_BIN_COUNT,
  durationBinLabel,
  medianBin,
  scoreBinLabel,
} from "@/lib/shared/insights/score-bins";
import { formatDate, formatDuration, formatPercent, providerLabel } from "@/components/format";
import { BarChart } from "./bar-chart";
import { ChartFigure } from "./chart-figure";
import { FunnelFigure } from "./funnel-figure";

const percentOf = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

export function JobInsightsPanel({ insights, filtered }: { insights: JobInsights; filtered: boolean }) {
  const scope = filtered ? "in this filtered view" : "for this job";
  if (insights.total === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
        No results {scope} yet, so there is nothing to chart.{" "}
        {filtered ? "Clear a filter to see the whole job." : "Charts appear as soon as the first result arrives."}
      </p>
    );
  }
  return (
    <section aria-labelledby="insights-heading" className="space-y-3">
      <h2 id="insights-heading" className="text-lg font-semibold">
        Insights{" "}
        <span className="text-sm font-normal text-slate-600">
          ({insights.total.toLocaleString("en")} results {scope})
        </span>
      </h2>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {insights.assessments.map((assessment) => (
          <ScoreFigure key={assessment.assessmentId} assessment={assessment} />
        ))}
        {insights.assessments.length === 0 && (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">
            No scored results {scope} yet: score distributions appear once providers send scores.
          </p>
        )}
        <FunnelFigure funnels={insights.funnels} />
        <TimeFigure times={insights.times} />
        <WeeksFigure weeks={insights.weeks} />
      </div>
    </section>
  );
}

function ScoreFigure({ assessment }: { assessment: JobInsights["assessments"][number] }) {
  const mark = assessment.passMarkPercent;
  const markBin = mark === null ? null : Math.min(SCORE_BIN_COUNT - 1, Math.floor(mark / 10));
  const above = assessment.atOrAbovePassMark;
  const finding =
    mark !== null && above !== null
      ? `${above.toLocaleString("en")} of ${assessment.scored.toLocaleString("en")} scored results (${formatPercent(percentOf(above, assessment.scored))}) are at or above the pass mark of ${formatPercent(mark)}.`
      : `${assessment.scored.toLocaleString("en")} scored results; ${providerLabel(assessment.provider)} gives no pass mark. Most fall in ${scoreBinLabel(assessment.bins.indexOf(Math.max(...assessment.bins)))}.`;
  return (
    <ChartFigure
      title={`Scores: ${assessment.name}`}
      finding={finding}
      table={{
        caption: `Scored results of ${assessment.name} by percent of the maximum score`,
        columns: ["Score", "Results"],
        rows: assessment.bins.map((count, bin) => [scoreBinLabel(bin), count]),
      }}
    >
      <BarChart
        label={`Histogram of ${assessment.name} scores. ${finding}`}
        bars={assessment.bins.map((value, bin) => ({
          label: scoreBinLabel(bin),
          value,
          emphasised: markBin === null || bin >= markBin,
        }))}
        axis={["0%", "50%", "100%"]}
        marker={
          mark !== null
            ? { at: Math.min(1, Math.max(0, mark / 100)), text: `pass mark ${formatPercent(mark)}` }
            : undefined
        }
      />
    </ChartFigure>
  );
}

function halfTook(bin: number): string {
  const limit = DURATION_BIN_LIMITS_MINUTES[bin];
  return limit === undefined ? `${DURATION_BIN_LIMITS_MINUTES.at(-1)} min or more` : `under ${limit} min`;
}

function TimeFigure({ times }: { times: JobInsights["times"] }) {
  const median = medianBin(times.bins);
  const finding =
    median === null
      ? "No completed result reports how long it took."
      : `Half of ${times.timed.toLocaleString("en")} timed completions took ${halfTook(median)}; the average is ${formatDuration(Math.round(times.averageSeconds ?? 0))}.`;
  return (
    <ChartFigure
      title="Time to complete"
      finding={finding}
      table={{
        caption: "Completed results by time taken",
        columns: ["Time taken", "Results"],
        rows: times.bins.map((count, bin) => [durationBinLabel(bin), count]),
      }}
    >
      {median !== null && (
        <BarChart
          label={`Histogram of time to complete. ${finding}`}
          bars={times.bins.map((value, bin) => ({ label: durationBinLabel(bin), value, emphasised: bin === median }))}
          axis={[durationBinLabel(0), "", durationBinLabel(times.bins.length - 1)]}
        />
      )}
    </ChartFigure>
  );
}

function WeeksFigure({ weeks }: { weeks: JobInsights["weeks"] }) {
  const total = weeks.reduce((sum, week) => sum + week.completions, 0);
  const busiest = weeks.reduce<JobInsights["weeks"][number] | null>(
    (best, week) => (!best || week.completions > best.completions ? week : best),
    null,
  );
  const finding =
    weeks.length === 0 || !busiest
      ? "No result has a submitted time yet."
      : `${total.toLocaleString("en")} completions in the ${weeks.length} weeks from ${formatDate(weeks[0]!.start)}; the busiest week began ${formatDate(busiest.start)} with ${busiest.completions.toLocaleString("en")}.`;
  return (
    <ChartFigure
      title="Completions per week"
      finding={finding}
      table={{
        caption: "Completions per week (weeks start on Monday, UTC)",
        columns: ["Week of", "Completions"],
        rows: weeks.map((week) => [formatDate(week.start), week.completions]),
      }}
    >
      {weeks.length > 0 && (
        <BarChart
          label={`Bar chart of completions per week. ${finding}`}
          bars={weeks.map((week) => ({
            label: `Week of ${formatDate(week.start)}`,
            value: week.completions,
            emphasised: true,
          }))}
          axis={[formatDate(weeks[0]!.start), "", formatDate(weeks.at(-1)!.start)]}
        />
      )}
    </ChartFigure>
  );
}

// The funnel as a table whose cells draw their own bar: the picture and the numbers are one
// element, and a stage a provider never reports reads "not reported", not 0.
import { FUNNEL_STAGES, FUNNEL_STAGE_LABELS, type ProviderFunnel } from "@/lib/shared/insights/funnel";
import { formatPercent, providerLabel } from "@/components/format";
import { HeaderCells, TableShell } from "@/components/data-table";

const HEAD_PAD = "py-1 pr-2";
const percentOf = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

function funnelFinding(funnel: ProviderFunnel): string {
  const { invited, completed, passed } = funnel.stages;
  const parts: string[] = [];
  if (invited !== null && completed !== null)
    parts.push(`${formatPercent(percentOf(completed, invited))} of those invited completed`);
  else if (completed !== null) parts.push(`${completed.toLocaleString("en")} completed`);
  if (passed !== null && completed !== null)
    parts.push(`${formatPercent(percentOf(passed, completed))} of completions passed`);
  return `${providerLabel(funnel.provider)}: ${parts.join(", ") || "no stage reported"}.`;
}

export function FunnelFigure({ funnels }: { funnels: ProviderFunnel[] }) {
  const sat = funnels.reduce((sum, funnel) => sum + funnel.sat, 0);
  const flagged = funnels.reduce((sum, funnel) => sum + funnel.flagged, 0);
  const flaggedFinding =
    sat === 0
      ? "No attempt has been sat yet, so none can be flagged."
      : `${flagged.toLocaleString("en")} of ${sat.toLocaleString("en")} attempts sat (${formatPercent(percentOf(flagged, sat))}) were flagged for integrity.`;
  return (
    <>
      <figure className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <figcaption>
          <span className="block text-sm font-semibold text-slate-900">
            Funnel: invited → started → completed → passed
          </span>
          <span className="block text-sm text-slate-600">{funnels.map(funnelFinding).join(" ")}</span>
        </figcaption>
        <TableShell>
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Results reaching each stage, per provider</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <HeaderCells
                  pad={HEAD_PAD}
                  columns={["Provider", ...FUNNEL_STAGES.map((stage) => FUNNEL_STAGE_LABELS[stage])]}
                />
              </tr>
            </thead>
            <tbody>
              {funnels.map((funnel) => {
                const first = FUNNEL_STAGES.map((stage) => funnel.stages[stage]).find((value) => value !== null) ?? 0;
                return (
                  <tr key={funnel.provider} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="py-1.5 pr-2 font-normal whitespace-nowrap">
                      {providerLabel(funnel.provider)}
                    </th>
                    {FUNNEL_STAGES.map((stage) => {
                      const value = funnel.stages[stage];
                      return (
                        <td key={stage} className="py-1.5 pr-2 align-top">
                          {value === null ? (
                            <span className="italic text-slate-500">not reported</span>
                          ) : (
                            <>
                              <span className="tabular-nums">{value.toLocaleString("en")}</span>
                              <span aria-hidden="true" className="mt-0.5 block h-1.5 rounded bg-slate-100">
                                <span
                                  className="block h-1.5 rounded bg-indigo-500"
                                  style={{ width: `${first > 0 ? Math.round((value / first) * 100) : 0}%` }}
                                />
                              </span>
                            </>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableShell>
      </figure>
      <figure className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <figcaption>
          <span className="block text-sm font-semibold text-slate-900">Integrity flags</span>
          <span className="block text-sm text-slate-600">{flaggedFinding}</span>
        </figcaption>
        <TableShell>
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Attempts sat and flagged for integrity, per provider</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <HeaderCells
                  pad={HEAD_PAD}
                  columns={[
                    "Provider",
                    { label: "Sat", align: "right" },
                    { label: "Flagged", align: "right" },
                    "Share flagged",
                  ]}
                />
              </tr>
            </thead>
            <tbody>
              {funnels.map((funnel) => {
                const share = percentOf(funnel.flagged, funnel.sat);
                return (
                  <tr key={funnel.provider} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="py-1.5 pr-2 font-normal whitespace-nowrap">
                      {providerLabel(funnel.provider)}
                    </th>
                    <td className="py-1.5 pr-2 text-right tabular-nums">{funnel.sat.toLocaleString("en")}</td>
                    <td className="py-1.5 pr-2 text-right tabular-nums">{funnel.flagged.toLocaleString("en")}</td>
                    <td className="py-1.5 pr-2">
                      <span className="tabular-nums">{formatPercent(share)}</span>
                      <span aria-hidden="true" className="mt-0.5 block h-1.5 rounded bg-slate-100">
                        <span
                          className="block h-1.5 rounded bg-rose-600"
                          style={{ width: `${Math.round(share ?? 0)}%` }}
                        />
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableShell>
      </figure>
    </>
  );
}

// Every chart is a figure whose caption states the finding in words, with the numbers behind
// it one click away as a real table: screen readers, keyboards and printouts get the same facts.
import { TableShell } from "@/components/data-table";

interface ChartFigureProps {
  title: string;
  /** The finding, in a sentence: what a sighted reader would take from the picture. */
  finding: string;
  children: React.ReactNode;
  /** The numbers behind the picture. */
  table: { caption: string; columns: string[]; rows: (string | number)[][] };
}

export function ChartFigure({ title, finding, children, table }: ChartFigureProps) {
  return (
    <figure className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption>
        <span className="block text-sm font-semibold text-slate-900">{title}</span>
        <span className="block text-sm text-slate-600">{finding}</span>
      </figcaption>
      {children}
      <details className="text-xs text-slate-700">
        <summary className="cursor-pointer select-none text-indigo-700 hover:underline">Show the numbers</summary>
        {/* A phone narrower than the table scrolls it here, not the page. */}
        <TableShell className="mt-2">
          <table className="w-full text-left">
            <caption className="sr-only">{table.caption}</caption>
            <thead>
              <tr className="border-b border-slate-200">
                {table.columns.map((column, index) => (
                  <th key={column} scope="col" className={`py-1 pr-3 font-medium ${index > 0 ? "text-right" : ""}`}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, rowIndex) => (
                <tr key={rowIndex} className="border-b border-slate-100 last:border-0">
                  {row.map((cell, index) =>
                    index === 0 ? (
                      <th key={index} scope="row" className="py-1 pr-3 font-normal">
                        {cell}
                      </th>
                    ) : (
                      <td key={index} className="py-1 pr-3 text-right tabular-nums">
                        {typeof cell === "number" ? cell.toLocaleString("en") : cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableShell>
      </details>
    </figure>
  );
}

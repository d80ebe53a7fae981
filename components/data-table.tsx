// The table markup every list repeats: the scrolling shell, the column headers and the body cells.
// Each table keeps its own padding (`pad`), caption and aria attributes; only the shared classes live here.
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

function classes(...parts: (string | false | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}

/**
 * The horizontally scrolling wrapper; `framed` gives it the white card with a border. It is the
 * containing block of what is absolutely positioned inside (the sr-only words in cells): without
 * that, such text is placed against the page and, in a table wider than a phone, widens the page.
 */
export function TableShell({
  framed = false,
  className,
  children,
}: {
  framed?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={classes(
        className,
        "relative overflow-x-auto",
        framed && "rounded-lg border border-slate-200 bg-white",
      )}
    >
      {children}
    </div>
  );
}

type Align = "left" | "right";

/** A column header: `scope="col"`, medium weight, the table's padding. */
export function HeaderCell({
  pad,
  align = "left",
  className,
  children,
  ...rest
}: ThHTMLAttributes<HTMLTableCellElement> & { pad: string; align?: Align }) {
  return (
    <th scope="col" className={classes(pad, align === "right" && "text-right", "font-medium", className)} {...rest}>
      {children}
    </th>
  );
}

/** A body cell with the table's padding. */
export function BodyCell({
  pad,
  align = "left",
  className,
  children,
  ...rest
}: TdHTMLAttributes<HTMLTableCellElement> & { pad: string; align?: Align }) {
  return (
    <td className={classes(pad, align === "right" && "text-right", className)} {...rest}>
      {children}
    </td>
  );
}

/** A column: its label, or the label with its alignment or its own padding. */
export type Column = ReactNode | { label: ReactNode; align?: Align; pad?: string };

function isColumnSpec(column: Column): column is { label: ReactNode; align?: Align; pad?: string } {
  return typeof column === "object" && column !== null && "label" in column;
}

/** The `<th>` cells of a header row, one per column, all with the same padding. */
export function HeaderCells({ pad, columns }: { pad: string; columns: Column[] }) {
  return (
    <>
      {columns.map((column, index) =>
        isColumnSpec(column) ? (
          <HeaderCell key={index} pad={column.pad ?? pad} align={column.align}>
            {column.label}
          </HeaderCell>
        ) : (
          <HeaderCell key={index} pad={pad}>
            {column}
          </HeaderCell>
        ),
      )}
    </>
  );
}

/** A column with no visible label, named for screen readers only. */
export function HiddenLabel({ children }: { children: ReactNode }) {
  return <span className="sr-only">{children}</span>;
}

import "server-only";
// A small statement builder for the set-based apply: one placeholder style per dialect, values
// bound as the two databases read them (timestamps as the text Prisma writes on SQLite, JSON as
// text, booleans as 0/1 on SQLite), and the casts PostgreSQL needs where a VALUES list in a FROM
// clause would otherwise hand it text. Statements run on a SqlRunner (runner.ts): the driver
// connection for the applier's batches, a Prisma transaction for events applied inside one.
import { randomUUID } from "node:crypto";
import type { Tx } from "../../db";
import type { SqlRunner } from "./runner";

export type Dialect = "sqlite" | "postgresql";

export function dialectOf(client: Tx): Dialect {
  return (client as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

export class Statement {
  /** Built by appending to one string: a 500-row batch binds tens of thousands of values. */
  private body = "";
  readonly params: unknown[] = [];

  constructor(readonly dialect: Dialect) {}

  sql(text: string): this {
    this.body += text;
    return this;
  }

  /** Appends a bound value's placeholder. */
  value(value: unknown): this {
    this.params.push(bindable(this.dialect, value));
    this.body += this.dialect === "postgresql" ? `$${this.params.length}` : "?";
    return this;
  }

  /** `(v1, v2, …)` rows, comma-separated: a VALUES list. */
  rows(rows: unknown[][]): this {
    const postgres = this.dialect === "postgresql";
    let text = "";
    for (let rowIndex = 0; rowIndex < rows.length; rowIndex += 1) {
      const row = rows[rowIndex]!;
      text += rowIndex === 0 ? "(" : ", (";
      for (let cellIndex = 0; cellIndex < row.length; cellIndex += 1) {
        if (cellIndex > 0) text += ", ";
        this.params.push(bindable(this.dialect, row[cellIndex]));
        text += postgres ? `$${this.params.length}` : "?";
      }
      text += ")";
    }
    this.body += text;
    return this;
  }

  /**
   * Rows as a statement's source, bound as a few values whatever their number: on PostgreSQL
   * one array per column, `SELECT * FROM unnest($1::text[], …)` (its parse and plan time grows
   * with the values bound); on SQLite one JSON array of rows, `SELECT value->>0 AS column1, …
   * FROM json_each(?)`, so the statement's text does not change with the batch's size and its
   * prepared form is kept (a 500-row VALUES list cost more to prepare and bind than to run).
   * Either way the columns are named column1, column2, … (`FROM (<values>) AS v` reads
   * v.column1); SQLite's ends in `WHERE true`, which lets an INSERT … SELECT take ON CONFLICT.
   * SQLite's planner cannot count json_each's rows (it guesses 25): a statement that joins them
   * to a table must leave it no other index to walk (tables/deliveries.ts).
   */
  values(types: readonly ColumnType[], rows: unknown[][]): this {
    if (this.dialect !== "postgresql") {
      this.params.push(JSON.stringify(boundCells(this.dialect, rows, types.length, false)));
      const columns = types.map((_, column) => `value->>${column} AS column${column + 1}`);
      return this.sql(`SELECT ${columns.join(", ")} FROM json_each(?) WHERE true`);
    }
    const arrays = boundCells(this.dialect, rows, types.length, true);
    const columns = types.map((type, column) => {
      this.params.push(arrays[column]);
      return `$${this.params.length}::${type}[]`;
    });
    const names = types.map((_, column) => `column${column + 1}`);
    return this.sql(`SELECT * FROM unnest(${columns.join(", ")}) AS u(${names.join(", ")})`);
  }

  /**
   * `v1, v2, …`: an IN list (of text, on PostgreSQL one array: `SELECT unnest($1::text[])`).
   * SQLite keeps one placeholder per value: its planner counts them, and a list it could not
   * count (json_each) made it walk a whole status index instead of looking the ids up.
   */
  list(values: unknown[]): this {
    if (this.dialect === "postgresql" && values.every((value) => typeof value === "string")) {
      this.params.push(values);
      this.body += `SELECT unnest($${this.params.length}::text[])`;
      return this;
    }
    values.forEach((value, index) => {
      if (index > 0) this.body += ", ";
      this.value(value);
    });
    return this;
  }

  get text(): string {
    return this.body;
  }

  /** `"column" IN (v1, v2, …)` grouped by a first column: `("provider" = ? AND "externalId" IN (…)) OR …`. */
  groupedIn(first: string, second: string, groups: Map<string, Set<string>>): this {
    [...groups].forEach(([key, values], index) => {
      this.sql(index === 0 ? `(("${first}" = ` : ` OR ("${first}" = `)
        .value(key)
        .sql(` AND "${second}" IN (`)
        .list([...values])
        .sql("))");
    });
    return this.sql(")");
  }

  /** A VALUES column read as a timestamp (PostgreSQL types VALUES in FROM as text). */
  timestamp(expression: string): string {
    return this.dialect === "postgresql" ? `CAST(${expression} AS TIMESTAMP(3))` : expression;
  }

  query<T>(run: SqlRunner): Promise<T[]> {
    return run.query<T>(this.text, this.params);
  }

  execute(run: SqlRunner): Promise<number> {
    return run.execute(this.text, this.params);
  }
}

/**
 * Every cell as bound, by row or (`byColumn`) by column. Plain loops: this runs for every cell of
 * every batch, and building it with nested map() cost about twice as long (1,000 attempt rows).
 */
function boundCells(dialect: Dialect, rows: unknown[][], width: number, byColumn: boolean): unknown[][] {
  const outer = byColumn ? width : rows.length;
  const inner = byColumn ? rows.length : width;
  const cells = new Array<unknown[]>(outer);
  for (let index = 0; index < outer; index += 1) cells[index] = new Array<unknown>(inner);
  for (let row = 0; row < rows.length; row += 1) {
    const values = rows[row]!;
    for (let column = 0; column < width; column += 1) {
      const value = bindable(dialect, values[column]);
      if (byColumn) cells[column]![row] = value;
      else cells[row]![column] = value;
    }
  }
  return cells;
}

function bindable(dialect: Dialect, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number") return value;
  if (value instanceof Date) return timestampText(value);
  if (typeof value === "boolean") return dialect === "sqlite" ? (value ? 1 : 0) : value;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/** A timestamp exactly as Prisma writes DateTime on SQLite; PostgreSQL reads the same text. */
export function timestampText(date: Date): string {
  const time = date.getTime();
  let text = timestampTexts.get(time);
  if (text === undefined) {
    // A batch binds the same times (its own "now", each event's time) many times over.
    if (timestampTexts.size >= 4_096) timestampTexts.clear();
    text = `${date.toISOString().slice(0, -1)}+00:00`;
    timestampTexts.set(time, text);
  }
  return text;
}
const timestampTexts = new Map<number, string>();

/** A column's PostgreSQL type, for the arrays `values` binds (JSON goes as its text). */
export type ColumnType = "text" | "float8" | "int4" | "bool" | "jsonb" | "timestamp(3)";

/** Column types in column order: text unless named. */
export function columnTypes(columns: readonly string[], named: Readonly<Record<string, ColumnType>>): ColumnType[] {
  return columns.map((column) => named[column] ?? "text");
}

/** Rows per statement so that no statement binds more than both databases allow. */
export function chunked<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(30_000 / columns));
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}

/** Time-ordered, unique ids (like Prisma's cuid, so ties on a timestamp still list in creation order). */
export function newRowId(prefix: string): string {
  const random = randomUUID().replaceAll("-", "").slice(0, 12); // randomUUID draws from a cached pool: cheap per row
  return `${prefix}${Date.now().toString(36)}${(sequence++ % 1_679_616).toString(36).padStart(4, "0")}${random}`;
}
let sequence = 0;

/** A creation another writer won, or a row that moved since it was read: the batch runs again. */
export class ApplyRaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApplyRaceError";
  }
}

export function quoteColumns(columns: readonly string[]): string {
  return columns.map((column) => `"${column}"`).join(", ");
}

import "server-only";
// Every text and JSON column of the database, read from its own catalog rather than from a
// list in the code, so a table added later is searched too: the erasure's last sweep and the
// tests that prove nothing of an erased person is left both use it.
import type { Db, Tx } from "../db";
import { dialectOf } from "../ingestion/apply/sql";

export interface TextColumn {
  table: string;
  column: string;
  json: boolean;
}

export interface TextMatch extends TextColumn {
  /** The row's physical address (SQLite rowid, PostgreSQL ctid): valid inside the transaction that found it. */
  row: string;
  value: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function textColumns(db: Db | Tx): Promise<TextColumn[]> {
  if (dialectOf(db as Tx) === "postgresql") {
    const rows = await db.$queryRawUnsafe<{ table: string; column: string; type: string }[]>(
      // information_schema's own domain types are cast to text: the driver adapter reads plain types only.
      `SELECT table_name::text AS "table", column_name::text AS "column", data_type::text AS "type"
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb')
          AND table_name IN (SELECT table_name FROM information_schema.tables
                              WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')
        ORDER BY table_name, column_name`,
    );
    return rows.map((row) => ({ table: row.table, column: row.column, json: row.type.startsWith("json") }));
  }
  // Ordinary tables only: the search index (an FTS5 table and its shadow tables) holds nothing
  // but what its triggers derive from Candidate, and deletes it with Candidate's rows.
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const columns: TextColumn[] = [];
  for (const { name } of tables) {
    const info = await db.$queryRawUnsafe<{ name: string; type: string }[]>(
      `SELECT name, type FROM pragma_table_info(?)`,
      name,
    );
    for (const column of info) {
      const type = column.type.toUpperCase();
      if (type.includes("TEXT") || type.includes("CHAR") || type.includes("JSON") || type === "") {
        columns.push({ table: name, column: column.name, json: type.includes("JSON") });
      }
    }
  }
  return columns;
}

/** Rows whose column contains the text, whatever its case. */
export async function findText(db: Db | Tx, column: TextColumn, text: string): Promise<TextMatch[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const sql =
    dialectOf(db as Tx) === "postgresql"
      ? `SELECT ctid::text AS "row", ${quote(column.column)}::text AS "value" FROM ${quote(column.table)}
          WHERE ${quote(column.column)}::text ILIKE $1 ESCAPE '\\'`
      : // LIKE ignores case for ASCII only: lower() both sides for the rest.
        `SELECT CAST(rowid AS TEXT) AS "row", CAST(${quote(column.column)} AS TEXT) AS "value" FROM ${quote(column.table)}
          WHERE lower(CAST(${quote(column.column)} AS TEXT)) LIKE lower(?) ESCAPE '\\'`;
  const rows = await db.$queryRawUnsafe<{ row: string; value: string }[]>(sql, pattern);
  return rows.map((row) => ({ ...column, row: row.row, value: row.value }));
}

/** Writes a new value into the row findText found (same transaction). */
export async function rewriteText(tx: Tx, match: TextMatch, value: string): Promise<void> {
  if (dialectOf(tx) === "postgresql") {
    await tx.$executeRawUnsafe(
      `UPDATE ${quote(match.table)} SET ${quote(match.column)} = $1${match.json ? "::jsonb" : ""} WHERE ctid = $2::tid`,
      value,
      match.row,
    );
    return;
  }
  await tx.$executeRawUnsafe(
    `UPDATE ${quote(match.table)} SET ${quote(match.column)} = ? WHERE rowid = ?`,
    value,
    Number(match.row),
  );
}

// Proves an erasure: every text and JSON column of every table (read from the database's own
// catalog), searched for each given text whatever its case.
import type { Db, Tx } from "@/lib/server/db";
import { findText, textColumns } from "@/lib/server/privacy/text-columns";

export async function tablesContaining(db: Db, texts: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const column of await textColumns(db as unknown as Tx)) {
    for (const text of texts) {
      const matches = await findText(db as unknown as Tx, column, text);
      if (matches.length > 0)
        found.push(`${column.table}.${column.column} contains "${text}" (${matches.length} rows)`);
    }
  }
  return found;
}

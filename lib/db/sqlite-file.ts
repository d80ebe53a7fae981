// Where a `file:` DATABASE_URL's SQLite database lives. On its own so that the migrator (which
// `npm start` runs before the server loads) does not load the Prisma clients with it: that
// module graph cost about a second of start-up, before a single request could be answered.
import { resolve } from "node:path";

export function sqliteFilePath(databaseUrl: string): string {
  const path = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  return resolve(path);
}

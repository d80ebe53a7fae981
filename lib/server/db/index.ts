import "server-only";
import { env } from "../env";
import { createDb, type Db } from "../../db/create-client";

export type { Db, Tx } from "../../db/create-client";

// One client per process, kept on globalThis so dev reloads do not open a pool each time.
const holder = globalThis as typeof globalThis & { __assessmentHubDb?: Db };

export function db(): Db {
  holder.__assessmentHubDb ??= createDb(env().DATABASE_URL);
  return holder.__assessmentHubDb;
}

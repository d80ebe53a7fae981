// The two SQLite connections of a process (Prisma's and the applier's driver connection) fold
// the write-ahead log into the file only past one large bound: at SQLite's default, every small
// write through Prisma (a request's, the poller's bookkeeping) checkpointed whatever a SmartAI
// drain had written since the last one.
import { afterAll, beforeAll, expect, it } from "vitest";
import { driverConnectionFor } from "@/lib/db/create-client";
import { createTestDatabase, type TestDatabase } from "../support/databases";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("sqlite");
});
afterAll(async () => {
  await database.drop();
});

it("Prisma's connection checkpoints past the same bound as the driver connection", async () => {
  const [prisma] =
    await database.db.$queryRawUnsafe<{ wal_autocheckpoint: number | bigint }[]>("PRAGMA wal_autocheckpoint");
  const connection = driverConnectionFor(database.db);
  if (connection.dialect !== "sqlite") throw new Error("expected the SQLite driver connection");
  const driver = connection.sqlite.pragma("wal_autocheckpoint", { simple: true });
  expect(Number(prisma!.wal_autocheckpoint)).toBe(Number(driver));
  expect(Number(driver)).toBeGreaterThan(1_000);
});

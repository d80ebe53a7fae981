// The applier across instances: an instance killed mid-backlog (SIGKILL, a real child
// process) leaves claims that lapse, and another instance applies everything exactly once;
// two appliers on one PostgreSQL database apply side by side, never one delivery twice; a
// passing failure is retried later, and failed after its last try.
import { spawn } from "node:child_process";
import { once } from "node:events";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/create-client";
import { DeliveryApplier } from "@/lib/server/ingestion/applier";
import { storeDeliveries } from "@/lib/server/ingestion/inbox";
import { CLAIM_TTL_MS, MAX_TRIES, processPendingDeliveries } from "@/lib/server/ingestion/process-delivery";
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from "../support/databases";
import { storePolledPending } from "../support/fixture-deliveries";
import { fixture } from "../support/fixtures";

type Json = Record<string, unknown>;

/** Each candidate invited, then finished (SmartAI's samples), sharing a few assessments. */
async function storeBacklog(db: Db, prefix: string, people: number) {
  const sent = fixture<Json>("smartai-assessment-sent.json");
  const done = fixture<Json>("smartai-assessment-completed.json");
  const events = Array.from({ length: people }, (_, person) => {
    const email = `${prefix}-${person}@example.com`;
    const assessmentId = `${prefix}-asmt-${person % 3}`;
    return [
      {
        ...sent,
        eventId: `${prefix}-sent-${person}`,
        assessmentId,
        candidates: [{ id: `c${person}`, name: `P ${person}`, email }],
      },
      { ...done, eventId: `${prefix}-done-${person}`, assessmentId, candidateId: `c${person}`, candidateEmail: email },
    ];
  }).flat();
  await storePolledPending(db, events);
  return events.length;
}

async function expectAppliedOnce(db: Db, prefix: string, deliveries: number) {
  const stored = await db.delivery.findMany({
    where: { externalId: { startsWith: `${prefix}-` } },
    select: { id: true, status: true, _count: { select: { changes: true } } },
  });
  expect(stored).toHaveLength(deliveries);
  expect(stored.filter((delivery) => delivery.status !== "processed")).toEqual([]);
  // Every delivery left exactly one line on its attempt's timeline: none applied twice.
  expect(stored.filter((delivery) => delivery._count.changes !== 1)).toEqual([]);
  expect(
    await db.attempt.count({ where: { candidate: { email: { startsWith: `${prefix}-` } }, status: "completed" } }),
  ).toBe(deliveries / 2);
}

for (const kind of availableDatabaseKinds())
  describe(`appliers across instances [${kind}]`, () => {
    // The URL too, not only a client: a second instance connects to the same database.
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => {
      await database?.drop();
    });
    const getDb = () => database!.db;
    const databaseUrl = () => database!.url;

    it("an instance killed mid-backlog: its lapsed claims are taken over and everything is applied once", async () => {
      const db = getDb();
      const deliveries = await storeBacklog(db, "killed", 60);
      const url = databaseUrl();
      const child = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "tests/support/applier-child.ts", url],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      let output = "";
      await new Promise<void>((resolve, reject) => {
        child.once("exit", (code) => reject(new Error(`the child exited (${code}) before applying anything`)));
        child.stdout!.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("applied")) resolve();
        });
      });
      child.removeAllListeners("exit");
      const exited = once(child, "exit");
      child.kill("SIGKILL");
      await exited;

      // A surviving or restarted instance, once the dead one's claims have lapsed.
      const afterLapse = () => new Date(Date.now() + CLAIM_TTL_MS + 1_000);
      await processPendingDeliveries(db, { now: afterLapse });
      await expectAppliedOnce(db, "killed", deliveries);
    });

    it.skipIf(kind === "sqlite")(
      "two appliers on one database apply side by side, never one delivery twice",
      async () => {
        const db = getDb();
        const deliveries = await storeBacklog(db, "pair", 150);
        const second = createDb(databaseUrl());
        try {
          const appliers = [
            new DeliveryApplier(db, { batchLimit: 20 }),
            new DeliveryApplier(second, { batchLimit: 20 }),
          ];
          await Promise.all(appliers.map((applier) => applier.drain()));
          // A creation race or a deadlock between the two sends a batch round again; drain what that left.
          await processPendingDeliveries(db, { now: () => new Date(Date.now() + 60_000) });
        } finally {
          await second.$disconnect();
        }
        await expectAppliedOnce(db, "pair", deliveries);
      },
    );

    it.skipIf(kind === "sqlite")("a lock held elsewhere: retried later, then failed after the last try", async () => {
      const db = getDb();
      await storeBacklog(db, "locked", 1);
      await processPendingDeliveries(db);
      const attempt = await db.attempt.findFirstOrThrow({ where: { candidate: { email: "locked-0@example.com" } } });
      const done = fixture<Json>("smartai-assessment-completed.json");
      const update = {
        ...done,
        eventId: "locked-update",
        assessmentId: "locked-asmt-0",
        candidateId: "c0",
        candidateEmail: "locked-0@example.com",
        score: 91,
        submittedAt: "2026-06-10T10:30:00.000Z",
      };
      const { created } = await storeDeliveries(db, "smartai", [
        {
          externalId: "locked-update",
          source: "poll",
          eventType: String((update as Json).event),
          body: JSON.stringify(update),
        },
      ]);
      const id = created[0]!.id;

      const holder = new pg.Client({ connectionString: databaseUrl() });
      await holder.connect();
      try {
        await holder.query("BEGIN");
        await holder.query(`SELECT "id" FROM "Attempt" WHERE "id" = $1 FOR UPDATE`, [attempt.id]);
        expect(await processPendingDeliveries(db, { lockTimeoutMs: 50 })).toMatchObject({ processed: 0 });
        const deferred = await db.delivery.findUniqueOrThrow({ where: { id } });
        expect(deferred).toMatchObject({ status: "pending", attempts: 1, claimedBy: null });
        expect(deferred.error).toMatch(/^will retry: .*lock timeout/);
        expect(deferred.retryAt).not.toBeNull();

        // Tried until the last try: then failed, waiting for an admin's replay.
        await db.delivery.update({ where: { id }, data: { attempts: MAX_TRIES - 1 } });
        const due = () => new Date(deferred.retryAt!.getTime() + 1);
        expect(await processPendingDeliveries(db, { lockTimeoutMs: 50, now: due })).toMatchObject({ failed: 1 });
        expect((await db.delivery.findUniqueOrThrow({ where: { id } })).error).toMatch(
          /^gave up after 5 tries: .*lock timeout/,
        );
      } finally {
        await holder.query("ROLLBACK");
        await holder.end();
      }
      await db.delivery.update({ where: { id }, data: { status: "pending", attempts: 0, retryAt: null } });
      expect(await processPendingDeliveries(db)).toMatchObject({ processed: 1 });
      expect(await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ score: 91 });
    });
  });

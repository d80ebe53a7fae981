// Issue 14: erasing a person deletes every trace of them, keeps everyone else, and withholds
// later deliveries about them (pushed, polled or backfilled) until an admin lifts the erasure.
process.env.ERASURE_HMAC_KEY ??= "erasure-test-key-".padEnd(40, "x");

import { existsSync, readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { sqliteFilePath } from "@/lib/db/create-client";
import type { Db } from "@/lib/server/db";
import { storeDeliveries } from "@/lib/server/ingestion/inbox";
import { processPendingDeliveries } from "@/lib/server/ingestion/process-delivery";
import { runSyncCycle } from "@/lib/server/providers/smartai/poller/sync-cycle";
import { erasePerson } from "@/lib/server/privacy/erase-person";
import { liftSuppression, WITHHELD_BODY } from "@/lib/server/privacy/suppression";
import { createShareLink } from "@/lib/server/share/share-links";
import { recordShareView } from "@/lib/server/share/resolve-share-link";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { DeliverySource } from "@/lib/shared/vocabulary";
import { createTestDatabase, describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";
import { tablesContaining } from "../support/personal-data-scan";
import { emulatorClient, withSmartAiEmulator, type SmartAiEmulator } from "../support/smartai";

const PRIYA = { email: "priya@example.com", name: "Priya Sharma" };
const TRACES = [PRIYA.email, PRIYA.name];
const ADMIN = { kind: "user" as const, id: "u_admin", label: "admin@example.com" };

let emulator: SmartAiEmulator;
withSmartAiEmulator({ seed: 14 }, (started) => (emulator = started));

const sent = (
  eventId: string,
  candidates = fixture<{ candidates: unknown[] }>("smartai-assessment-sent.json").candidates,
) =>
  ({ ...fixture<Record<string, unknown>>("smartai-assessment-sent.json"), eventId, candidates }) as Record<
    string,
    unknown
  >;
const completed = (eventId: string, overrides: Record<string, unknown> = {}) =>
  ({ ...fixture<Record<string, unknown>>("smartai-assessment-completed.json"), eventId, ...overrides }) as Record<
    string,
    unknown
  >;

async function deliver(db: Db, body: Record<string, unknown>, source: DeliverySource = "poll") {
  const stored = await storeDeliveries(db, "smartai", [
    { externalId: String(body.eventId), source, eventType: String(body.event), body: JSON.stringify(body) },
  ]);
  await processPendingDeliveries(db);
  return stored.created[0]?.id;
}

async function holdPriya(db: Db): Promise<string> {
  await deliver(db, sent("evt_sent_1"));
  await deliver(db, completed("evt_done_1"));
  const priya = await db.candidate.findUniqueOrThrow({ where: { email: PRIYA.email }, include: { attempts: true } });
  const attemptId = priya.attempts.find((attempt) => attempt.status === "completed")!.id;
  const user = await db.user.create({
    data: { email: "recruiter@example.com", name: "Rita Recruiter", passwordHash: "x", role: "recruiter" },
  });
  const link = await createShareLink(db, user.id, { attemptId });
  const found = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
  await recordShareView(db, found.id, "Mozilla/5.0", new Date());
  await db.notification.create({
    data: { userId: user.id, attemptId, title: `${PRIYA.name} completed`, body: "Senior Software Engineer: in." },
  });
  await recordAudit(db, { actor: ADMIN, action: "candidate.viewed", target: { type: "candidate", id: priya.id } });
  return priya.id;
}

async function erasePriya(db: Db) {
  expect((await erasePerson(db, { email: PRIYA.email }, ADMIN)).erased).toBe(true);
}

// Each test starts from its own database holding Priya (and Tomás, who shared a delivery with
// her), since the scan looks at every table and each test needs a known whole database.
describeEachDatabase(
  "erasing a person",
  (getDb) => {
    let priyaCandidateId: string;

    beforeEach(async () => {
      priyaCandidateId = await holdPriya(getDb());
    });

    it("holds Priya before the erasure (the scan finds her)", async () => {
      expect(await tablesContaining(getDb(), TRACES)).not.toEqual([]);
    });

    it("deletes every trace of her and keeps Tomás, who shared a delivery with her", async () => {
      const db = getDb();
      const result = await erasePerson(db, { email: " Priya@Example.com " }, ADMIN);
      expect(result.erased).toBe(true);
      if (!result.erased) return;
      expect(result.counts).toMatchObject({
        candidates: 1,
        attempts: 1,
        shareLinks: 1,
        shareLinkViews: 1,
        notifications: 1,
      });
      expect(result.counts.deliveriesDeleted).toBe(1);
      expect(result.counts.deliveriesRedacted).toBe(1);
      expect(result.providers).toEqual([
        expect.objectContaining({ provider: "smartai", externalIds: ["cand_abc123"], hosts: ["platform.smartai.app"] }),
      ]);

      expect(await tablesContaining(db, TRACES)).toEqual([]);
      expect(await db.candidate.findUnique({ where: { email: "tomas@example.com" } })).not.toBeNull();
      const shared = await db.delivery.findFirstOrThrow({ where: { externalId: "evt_sent_1" } });
      expect(JSON.parse(shared.body).candidates).toEqual([
        { id: "cand_def456", name: "Tomás Ortega", email: "tomas@example.com" },
      ]);

      const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "person.erased" } });
      expect(audit).toMatchObject({ actorId: ADMIN.id, targetId: null });
      expect(JSON.stringify(audit).toLowerCase()).not.toContain("priya");
      expect(await db.erasureSuppression.count()).toBe(1);
      expect(await db.auditEntry.count({ where: { targetId: priyaCandidateId } })).toBe(1);
    });

    it("withholds a later pushed delivery and a multi-candidate one: stored cut down, never applied, counted", async () => {
      const db = getDb();
      await erasePriya(db);
      const pushedId = await deliver(db, completed("evt_done_2"), "webhook");
      const newcomer = { id: "cand_new", name: "Nadia Newcomer", email: "nadia@example.com" };
      const sharedId = await deliver(db, sent("evt_sent_2", [{ id: "cand_abc123", ...PRIYA }, newcomer]));

      expect(await db.candidate.findUnique({ where: { email: PRIYA.email } })).toBeNull();
      expect(await db.candidate.findUnique({ where: { email: newcomer.email } })).not.toBeNull();
      const pushed = await db.delivery.findUniqueOrThrow({ where: { id: pushedId } });
      expect(pushed).toMatchObject({
        status: "processed",
        body: WITHHELD_BODY,
        withheldEvents: 1,
        candidateEmail: null,
      });
      const shared = await db.delivery.findUniqueOrThrow({ where: { id: sharedId } });
      expect(shared.withheldEvents).toBe(1);
      expect(JSON.parse(shared.body).candidates).toEqual([newcomer]);
      expect(await tablesContaining(db, TRACES)).toEqual([]);
      // The same delivery sent again is still refused as a duplicate.
      const again = await storeDeliveries(db, "smartai", [
        {
          externalId: "evt_done_2",
          source: "webhook",
          eventType: "assessment.completed",
          body: JSON.stringify(completed("evt_done_2")),
        },
      ]);
      expect(again.duplicates).toEqual(["evt_done_2"]);
    });

    it("withholds a delivery a backfill fetches", async () => {
      const db = getDb();
      await erasePriya(db);
      emulator.enqueue(completed("evt_backfilled", { storedAt: "2026-06-10T09:00:00.000Z" }) as never);
      await runSyncCycle(
        { db, client: emulatorClient(emulator) },
        { trigger: "backfill", since: new Date("2026-06-01T00:00:00Z"), until: new Date("2026-06-30T00:00:00Z") },
      );
      await processPendingDeliveries(db);
      const backfilled = await db.delivery.findFirstOrThrow({ where: { externalId: "evt_backfilled" } });
      expect(backfilled).toMatchObject({
        source: "backfill",
        status: "processed",
        body: WITHHELD_BODY,
        withheldEvents: 1,
      });
      expect(await db.candidate.findUnique({ where: { email: PRIYA.email } })).toBeNull();
      expect(await tablesContaining(db, TRACES)).toEqual([]);
    });

    it("answers erased: false when nothing is held any more", async () => {
      await erasePriya(getDb());
      expect(await erasePerson(getDb(), { email: PRIYA.email }, ADMIN)).toEqual({ erased: false });
    });

    it("applies the next delivery once an admin lifts the erasure", async () => {
      const db = getDb();
      await erasePriya(db);
      expect(await liftSuppression(db, "PRIYA@example.com")).toBe(true);
      await deliver(db, completed("evt_done_3"));
      expect(await db.candidate.findUnique({ where: { email: PRIYA.email } })).not.toBeNull();
    });
  },
  { databasePerTest: true },
);

describe("erasing a person on SQLite", () => {
  it("leaves no byte of their email or name in the database file or its -wal once the connection closes", async () => {
    const database = await createTestDatabase("sqlite");
    const file = sqliteFilePath(database.url);
    try {
      const db = database.db;
      await deliver(db, sent("evt_file_sent"));
      await deliver(db, completed("evt_file_done"));
      const bytesBefore = Buffer.concat([fileBytes(file), fileBytes(`${file}-wal`)]);
      expect(bytesBefore.includes(Buffer.from(PRIYA.email))).toBe(true);

      expect((await erasePerson(db, { email: PRIYA.email }, ADMIN)).erased).toBe(true);
      await db.$disconnect();
      for (const path of [file, `${file}-wal`]) {
        const bytes = fileBytes(path);
        for (const trace of [PRIYA.email, PRIYA.name, "Priya"])
          expect(bytes.includes(Buffer.from(trace)), `${trace} in ${path}`).toBe(false);
      }
      // Tomás is still there: the check above is not passing on an empty file.
      expect(
        Buffer.concat([fileBytes(file), fileBytes(`${file}-wal`)]).includes(Buffer.from("tomas@example.com")),
      ).toBe(true);
    } finally {
      await database.drop();
    }
  });
});

function fileBytes(path: string): Buffer {
  return existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
}

// Issue 14 item 3: audit entries are appended with actor, action, target and time, read back
// newest first with filters and a keyset cursor; a data-subject download is audited too.
process.env.ERASURE_HMAC_KEY ??= "audit-test-key-".padEnd(40, "x");

import { beforeEach, expect, it } from "vitest";
import { listAuditEntries, auditQuerySchema } from "@/lib/server/audit/list-audit";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { exportPersonData } from "@/lib/server/privacy/access-export";
import { describeEachDatabase } from "../support/databases";
import { seedAttempt } from "../support/seed-attempt";

const alice = { kind: "user" as const, id: "u_alice", label: "alice@example.com" };
const bob = { kind: "user" as const, id: "u_bob", label: "bob@example.com" };
const query = (raw: Record<string, string>) => auditQuerySchema.parse(raw);

describeEachDatabase("audit log", (getDb) => {
  beforeEach(async () => {
    await getDb().auditEntry.deleteMany();
  });

  it("pages newest first by keyset, without repeating or skipping entries that share a time", async () => {
    const db = getDb();
    const at = new Date("2026-05-01T10:00:00Z");
    for (let index = 0; index < 7; index += 1) {
      await recordAudit(db, {
        actor: alice,
        action: "candidate.viewed",
        target: { type: "candidate", id: `c${index}` },
        at: new Date(at.getTime() + Math.floor(index / 2) * 1000),
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listAuditEntries(db, query(cursor ? { cursor } : {}), { pageSize: 3 });
      seen.push(...page.entries.map((entry) => entry.targetId!));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen[0]).toBe("c6");
  });

  it("counts a page re-rendered by live updates as one view, and a view after the window as another", async () => {
    const db = getDb();
    const view = (at: Date, actor = alice) =>
      recordAudit(db, {
        actor,
        action: "candidate.viewed",
        target: { type: "candidate", id: "c_live" },
        at,
        unlessRecordedWithinMs: 15 * 60_000,
      });
    const start = new Date("2026-05-01T10:00:00Z");
    await view(start);
    await view(new Date(start.getTime() + 5_000));
    await view(new Date(start.getTime() + 5_000), bob);
    await view(new Date(start.getTime() + 16 * 60_000));
    expect(await db.auditEntry.count({ where: { targetId: "c_live", actorId: alice.id } })).toBe(2);
    expect(await db.auditEntry.count({ where: { targetId: "c_live", actorId: bob.id } })).toBe(1);
  });

  it("filters by actor, action, target and time", async () => {
    const db = getDb();
    await recordAudit(db, {
      actor: alice,
      action: "share_link.created",
      target: { type: "share_link", id: "s1" },
      at: new Date("2026-05-01T09:00:00Z"),
    });
    await recordAudit(db, {
      actor: bob,
      action: "results.exported",
      target: { type: "job", id: "j1" },
      at: new Date("2026-05-02T09:00:00Z"),
    });
    await recordAudit(db, {
      actor: bob,
      action: "share_link.revoked",
      target: { type: "share_link", id: "s1" },
      at: new Date("2026-05-03T09:00:00Z"),
    });

    const actions = async (raw: Record<string, string>) =>
      (await listAuditEntries(db, query(raw), { rawTo: raw.to })).entries.map((entry) => entry.action);
    expect(await actions({ actor: "bob@" })).toEqual(["share_link.revoked", "results.exported"]);
    expect(await actions({ actor: "u_alice" })).toEqual(["share_link.created"]);
    expect(await actions({ action: "results.exported" })).toEqual(["results.exported"]);
    expect(await actions({ target: "s1" })).toEqual(["share_link.revoked", "share_link.created"]);
    expect(await actions({ from: "2026-05-02", to: "2026-05-02" })).toEqual(["results.exported"]);
  });

  it("audits a data-subject download against the candidate, naming no one in the entry", async () => {
    const db = getDb();
    const attemptId = await seedAttempt(db, { candidate: { email: "dsar@example.com", name: "Dora Subject" } });
    const document = await exportPersonData(db, { email: "DSAR@example.com" }, alice);
    expect(document?.candidate).toMatchObject({ email: "dsar@example.com", name: "Dora Subject" });
    expect(document?.results.map((result) => result.id)).toEqual([attemptId]);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "person.data_exported" } });
    expect(entry).toMatchObject({ actorId: alice.id, targetType: "candidate", targetId: document?.candidate?.id });
    expect(JSON.stringify(entry)).not.toMatch(/dsar|Dora/i);
  });
});

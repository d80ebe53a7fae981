// "Sync now" and backfill requests, and what the SmartAI settings page is given to show.
import { beforeEach, describe, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import type { Db } from "@/lib/server/db";
import { smartAiOverview } from "@/lib/server/providers/smartai/poller/overview";
import { backfillWindowSchema, requestSync } from "@/lib/server/providers/smartai/poller/request-sync";
import { describeEachDatabase } from "../support/databases";
import { resetSyncTables } from "../support/smartai";

const SECRET = "wc_sk_test_never_show_this_secret_0123456789";
const settings = parseSettings({
  ASSESSMENT_API_KEY: "wc_ak_test_1234567890abcd",
  ASSESSMENT_SECRET_KEY: SECRET,
  ASSESSMENT_API_URL: "https://api.smartai.example",
});

async function liveLease(db: Db, holderId = "other-host:42:abc123") {
  const now = Date.now();
  await db.pollerLease.create({
    data: { provider: "smartai", holderId, acquiredAt: new Date(now), expiresAt: new Date(now + 30_000) },
  });
}

describeEachDatabase("SmartAI sync requests", (getDb) => {
  let db: Db;
  beforeEach(async () => {
    db = getDb();
    await resetSyncTables(db);
  });

  it("refuses when no instance polls, saying why", async () => {
    const result = await requestSync(db, parseSettings({}), { trigger: "manual" });
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining("SmartAI is not configured: set ASSESSMENT_API_KEY"),
    });
    expect(await db.syncRun.count()).toBe(0);
  });

  it("queues a manual run for the lease holder and flags the lease; a second click reuses it", async () => {
    await liveLease(db);
    const first = await requestSync(db, settings, { trigger: "manual" });
    const second = await requestSync(db, settings, { trigger: "manual" });
    if (!first.ok || !second.ok) throw new Error("expected both requests to be accepted");
    expect(second.run.id).toBe(first.run.id);
    expect(first.run).toMatchObject({ trigger: "manual", status: "queued" });
    expect((await db.pollerLease.findUniqueOrThrow({ where: { provider: "smartai" } })).requestedAt).not.toBeNull();
  });

  it("queues a backfill with its window, and refuses one that starts in the future", async () => {
    await liveLease(db);
    const since = new Date(Date.now() - 3_600_000);
    const queued = await requestSync(db, settings, { trigger: "backfill", since, until: null });
    expect(queued.ok && queued.run).toMatchObject({ trigger: "backfill", since, until: null });
    const future = await requestSync(db, settings, { trigger: "backfill", since: new Date(Date.now() + 60_000) });
    expect(future).toMatchObject({ ok: false, message: expect.stringMatching(/future/) });
  });

  it("shows the key masked and never the secret", async () => {
    await liveLease(db);
    await requestSync(db, settings, { trigger: "manual" });
    const overview = await smartAiOverview(db, settings);
    expect(overview.connection).toMatchObject({ problem: null, apiKeyMasked: "wc_a…abcd", secretKeySet: true });
    expect(overview.lease).toMatchObject({ holderId: "other-host:42:abc123", live: true, isThisInstance: false });
    expect(overview.activeRun?.status).toBe("queued");
    expect(JSON.stringify(overview)).not.toContain(SECRET);
    expect(JSON.stringify(overview)).not.toContain("wc_ak_test_1234567890abcd");
  });
});

describe("backfill window", () => {
  it("reads the form's times as UTC and wants until after since", () => {
    expect(backfillWindowSchema.parse({ since: "2026-06-09T10:30", until: "" })).toEqual({
      since: new Date("2026-06-09T10:30:00.000Z"),
      until: null,
    });
    expect(backfillWindowSchema.safeParse({ since: "2026-06-09T10:30", until: "2026-06-09T09:00" }).success).toBe(
      false,
    );
    expect(backfillWindowSchema.safeParse({ since: "yesterday" }).success).toBe(false);
  });
});

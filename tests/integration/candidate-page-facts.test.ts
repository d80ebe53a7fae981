// The candidate page's model of what providers sent, through the inbox and the real adapters:
// SmartAI's skills as labels the assessment covers (not sections waiting for scores), the invite
// link for a candidate who has not started, Testlify's totals and per-test time.
import { beforeAll, expect, it } from "vitest";
import { loadCandidateDetail } from "@/lib/server/results/candidate-detail";
import { describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";
import { deliver } from "../support/fixture-deliveries";

describeEachDatabase("candidate page facts", (getDb) => {
  beforeAll(async () => {
    const db = getDb();
    await deliver(db, "smartai", [
      { body: fixture("smartai-assessment-sent.json") },
      { body: fixture("smartai-assessment-completed.json") },
    ]);
    await deliver(db, "testlify", [{ body: fixture("testlify-invited.json") }]);
  });

  async function detailOf(email: string) {
    const db = getDb();
    const candidate = await db.candidate.findUniqueOrThrow({ where: { email }, select: { id: true } });
    return (await loadCandidateDetail(db, candidate.id))!;
  }

  it("shows SmartAI's skills as what the assessment covers, and its result as final", async () => {
    const [attempt] = (await detailOf("priya@example.com")).attempts;
    expect(attempt?.sections).toEqual([]);
    expect(attempt?.coverage.skills).toEqual(["JavaScript", "React", "Node.js"]);
    expect(attempt?.resultState).toBe("final");
  });

  it("gives the invite link of a candidate who has not started", async () => {
    const tomas = (await detailOf("tomas@example.com")).attempts[0];
    expect(tomas).toMatchObject({ status: "invited", inviteUrl: "https://platform.smartai.app/a/asmt_xyz789" });
    const testlify = (await detailOf("candidate@example.com")).attempts[0];
    expect(testlify?.inviteUrl).toMatch(/^https:\/\/candidate\.testlify\.com\/candidate\/assessment\/invite\?key=/);
  });

  it("shows Testlify's totals, per-test time and the time the candidate started", async () => {
    const db = getDb();
    await deliver(db, "testlify", [
      { body: fixture("testlify-in-progress.json") },
      { body: fixture("testlify-completed.json") },
    ]);
    const attempt = (await detailOf("candidate@example.com")).attempts[0]!;
    expect(attempt.details.totals).toEqual({ achieved: 14, possible: 32, questionCount: 12 });
    expect(attempt.sections.map((section) => section.durationSeconds)).toEqual([315, 6]);
    expect(attempt.startedAt?.getTime()).toBe(1712041409680);
    // The candidate-page link arrived with a delivery: the page can say when.
    expect(attempt.mediaReceivedAt).toBeInstanceOf(Date);
  });
});

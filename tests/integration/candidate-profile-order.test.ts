// A candidate's name, phone and country follow the newest provider time, field by field and
// across providers: Testlify's invitation spells the candidate "Birkam", its later deliveries
// "Bikram", and whichever order they arrive in, "Bikram" stays, with the old spelling on the timeline.
import { expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";
import { deliver, withData } from "../support/fixture-deliveries";

type Body = Record<string, unknown> & { data: Record<string, unknown> };

function testlify(name: string, email: string): Body {
  return withData(fixture<Body>(`testlify-${name}.json`), { email });
}

async function profileOf(db: Db, email: string) {
  return db.candidate.findUniqueOrThrow({
    where: { email },
    select: { name: true, phone: true, country: true },
  });
}

describeEachDatabase("candidate profile ordering", (getDb) => {
  it("keeps the newest spelling when the invitation arrives first", async () => {
    const db = getDb();
    const email = "in-order@example.com";
    await deliver(db, "testlify", [{ body: testlify("invited", email) }, { body: testlify("enrolled", email) }]);
    expect((await profileOf(db, email)).name).toBe("Bikram Ghosh");
    const lines = await db.attemptChange.findMany({
      where: { attempt: { candidate: { email } } },
      orderBy: { occurredAt: "asc" },
      select: { summary: true, changes: true },
    });
    expect(lines.at(-1)?.summary).toContain("candidate name Birkam Ghosh → Bikram Ghosh");
    expect(lines.at(-1)?.changes).toMatchObject({ "candidate.name": { from: "Birkam Ghosh", to: "Bikram Ghosh" } });
  });

  it("keeps the newest spelling when the invitation arrives last", async () => {
    const db = getDb();
    const email = "reversed@example.com";
    await deliver(db, "testlify", [
      { body: testlify("completed", email) },
      { body: testlify("enrolled", email) },
      { body: testlify("invited", email) },
    ]);
    expect((await profileOf(db, email)).name).toBe("Bikram Ghosh");
  });

  it("takes each field from the newest delivery that carried it, across providers", async () => {
    const db = getDb();
    const email = "across@example.com";
    const engine = (updatedAt: string, candidate: Record<string, unknown>) => {
      const body = fixture<Body>("ae-test-instance-created.json");
      return {
        ...body,
        id: `${updatedAt}-instance`,
        updated_at: updatedAt,
        candidate: { ...(body.candidate as object), email, ...candidate },
      };
    };
    // Testlify (2024) names the person; the engine's 2023 instance names them differently and
    // gives a phone and country nobody else gave; its 2025 instance changes the country only.
    await deliver(db, "testlify", [{ body: testlify("enrolled", email) }]);
    await deliver(db, "assessment-engine", [
      {
        body: engine("2023-11-05T10:00:00Z", { first_name: "Jane", country: "USA" }),
        eventType: "ae.test_instance.created",
      },
      {
        body: engine("2025-01-01T00:00:00Z", {
          first_name: "Bikram",
          middle_name: null,
          last_name: "Ghosh",
          country: "India",
          phone_number: null,
        }),
        eventType: "ae.test_instance.created",
      },
    ]);
    expect(await profileOf(db, email)).toEqual({ name: "Bikram Ghosh", phone: "+19876543210", country: "India" });
  });
});

import { describe, expect, it } from "vitest";
import { fixtureText as fixture } from "@/tests/support/fixtures";
import { redactPerson, replaceMarks } from "./redact-body";

const priya = { emails: ["priya@example.com"], names: ["Priya Sharma"] };

describe("redactPerson", () => {
  it("keeps the other candidates of a SmartAI assessment.sent and removes the erased one", () => {
    const body = fixture("smartai-assessment-sent.json");
    const result = redactPerson(body, priya);
    expect(result.kind).toBe("redacted");
    if (result.kind !== "redacted") return;
    const redacted = JSON.parse(result.body);
    expect(redacted.candidates).toEqual([{ id: "cand_def456", name: "Tomás Ortega", email: "tomas@example.com" }]);
    expect(redacted.assessmentId).toBe("asmt_xyz789");
    expect(result.body.toLowerCase()).not.toContain("priya");
    expect(result.removedEntries).toBe(1);
  });

  it("answers only-them for a delivery about the person alone", () => {
    expect(redactPerson(fixture("smartai-assessment-completed.json"), priya)).toEqual({ kind: "only-them" });
    expect(
      redactPerson(fixture("testlify-completed.json"), { emails: ["candidate@example.com"], names: ["Bikram Ghosh"] }),
    ).toEqual({ kind: "only-them" });
  });

  it("answers only-them when the person was the list's only entry", () => {
    const body = JSON.stringify({
      event: "assessment.sent",
      candidates: [{ name: "Priya Sharma", email: "PRIYA@example.com" }],
    });
    expect(redactPerson(body, priya)).toEqual({ kind: "only-them" });
  });

  it("answers absent for a delivery that does not mention them, and matches emails whatever their case", () => {
    expect(redactPerson(JSON.stringify({ email: "tomas@example.com" }), priya)).toEqual({ kind: "absent" });
    expect(redactPerson(JSON.stringify({ email: "Priya@Example.COM" }), priya)).toEqual({ kind: "only-them" });
  });

  it("blanks a mention left outside the list when others remain", () => {
    const body = JSON.stringify({
      note: "sent to Priya Sharma and Tomás",
      candidates: [{ email: "priya@example.com" }, { email: "tomas@example.com" }],
    });
    const result = redactPerson(body, priya);
    expect(result).toMatchObject({ kind: "redacted" });
    if (result.kind === "redacted") expect(JSON.parse(result.body).note).toBe("sent to [erased] and Tomás");
  });

  it("treats an unreadable body that mentions them as theirs alone", () => {
    expect(redactPerson("not json priya@example.com", priya)).toEqual({ kind: "only-them" });
  });
});

describe("replaceMarks", () => {
  it("replaces every occurrence whatever its case", () => {
    expect(replaceMarks("Priya SHARMA wrote to priya sharma", ["priya sharma"])).toBe("[erased] wrote to [erased]");
  });
});

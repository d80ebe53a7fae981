import { describe, expect, it } from "vitest";
import type { AttemptFacts } from "../domain/events";
import { diffAttempt, isIntegrityFlagged, keepResultOverReinvitation, summariseChanges } from "./attempt-changes";

describe("diffAttempt", () => {
  it("reports only the fields an event changes, leaving unmentioned ones alone", () => {
    const stored = { status: "invited", score: null, aiFeedback: "kept" };
    const changes = diffAttempt(stored, { status: "completed", score: 78, aiFeedback: undefined });
    expect(changes).toEqual({ status: { from: "invited", to: "completed" }, score: { from: null, to: 78 } });
  });

  it("sees no change when the same facts arrive again", () => {
    const submittedAt = new Date("2026-06-09T10:30:00Z");
    const facts = {
      status: "completed" as const,
      score: 78,
      submittedAt,
      sections: [{ name: "React", score: 8, maxScore: 10, percentage: 80 }],
    };
    expect(diffAttempt({ ...facts, submittedAt: new Date(submittedAt) }, facts)).toEqual({});
  });

  it("compares JSON by content, not key order (PostgreSQL's jsonb reorders keys)", () => {
    const stored = { media: [{ url: "https://media.example/q_1.mp4", label: "Answer 1" }] };
    expect(diffAttempt(stored, { media: [{ label: "Answer 1", url: "https://media.example/q_1.mp4" }] })).toEqual({});
  });

  it("sees a change deep inside JSON, in a value's type, or in a list's length", () => {
    // Shapes beyond what adapters produce today: the comparison is about JSON, not one field's type.
    const facts = (value: Record<string, unknown>) => value as AttemptFacts;
    const stored = { details: { review: { state: "open", notes: ["a"] } }, traits: [{ name: "x", score: 1 }] };
    const changed = (value: Record<string, unknown>) => Object.keys(diffAttempt(stored, facts(value)));
    expect(changed({ details: { review: { state: "open", notes: ["b"] } } })).toEqual(["details"]);
    expect(changed({ traits: [{ name: "x", score: "1" }] })).toEqual(["traits"]);
    expect(changed({ traits: [{ name: "x", score: 1 }, { name: "y" }] })).toEqual(["traits"]);
    expect(changed({ details: { review: { notes: ["a"], state: "open", gone: undefined } } })).toEqual([]);
    expect(Object.keys(diffAttempt({ details: null }, facts({ details: {} })))).toEqual(["details"]);
  });

  it("treats everything as new for an attempt not stored yet", () => {
    expect(Object.keys(diffAttempt(null, { status: "invited", invitedAt: new Date() }))).toEqual([
      "status",
      "invitedAt",
    ]);
  });
});

describe("summariseChanges", () => {
  it("says what changed in one line", () => {
    expect(
      summariseChanges({
        status: { from: "invited", to: "completed" },
        score: { from: null, to: 78 },
        sections: { from: null, to: [] },
      }),
    ).toBe("status invited → completed, score 78, 1 more field");
  });
});

describe("isIntegrityFlagged", () => {
  it("flags violations or a low integrity score", () => {
    expect(isIntegrityFlagged({ violationCount: 2, proctoringScore: 88 })).toBe(true);
    expect(isIntegrityFlagged({ violationCount: 0, proctoringScore: 50 })).toBe(true);
    expect(isIntegrityFlagged({ violationCount: 0, proctoringScore: 95 })).toBe(false);
    expect(isIntegrityFlagged({})).toBe(false);
  });
});

describe("keepResultOverReinvitation", () => {
  const reinvite = {
    status: "invited" as const,
    resultState: "pending" as const,
    invitedAt: new Date("2026-06-10T00:00:00Z"),
  };

  it("keeps a result when the invitation is sent again", () => {
    expect(keepResultOverReinvitation("completed", reinvite)).toEqual({ invitedAt: reinvite.invitedAt });
    expect(keepResultOverReinvitation("timeout", reinvite)).toEqual({ invitedAt: reinvite.invitedAt });
  });

  it("lets a re-invitation move an expired or unfinished attempt", () => {
    expect(keepResultOverReinvitation("expired", reinvite)).toBe(reinvite);
    expect(keepResultOverReinvitation("in_progress", reinvite)).toBe(reinvite);
    expect(keepResultOverReinvitation(null, reinvite)).toBe(reinvite);
  });

  it("leaves every other event alone", () => {
    const completed = { status: "completed" as const, score: 78 };
    expect(keepResultOverReinvitation("completed", completed)).toBe(completed);
  });
});

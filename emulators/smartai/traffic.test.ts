import { describe, expect, it } from "vitest";
import { TrafficGenerator } from "./traffic";

type Event = Record<string, unknown> & { event: string; assessmentId: string; storedAt: string };

describe("SmartAI emulator traffic", () => {
  const events = new TrafficGenerator({ seed: 5 }).batch(
    3_000,
    new Date("2026-06-09T12:00:00.000Z"),
  ) as unknown as Event[];
  const sent = events.filter((event) => event.event === "assessment.sent");
  const completed = events.filter((event) => event.event === "assessment.completed");

  it("sends assessments to several candidates, each person once per assessment", () => {
    expect(sent.length).toBeGreaterThan(50);
    expect(sent.every((event) => (event.candidates as unknown[]).length >= 1)).toBe(true);
    expect(sent.some((event) => (event.candidates as unknown[]).length >= 3)).toBe(true);
    const pairs = sent.flatMap((event) =>
      (event.candidates as { email: string }[]).map((c) => `${event.assessmentId}:${c.email}`),
    );
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it("reports results after their invitation and before SmartAI stored them", () => {
    const invitedAt = new Map<string, number>();
    for (const event of sent) {
      for (const candidate of event.candidates as { email: string }[])
        invitedAt.set(`${event.assessmentId}:${candidate.email}`, Date.parse(event.storedAt));
    }
    for (const event of completed) {
      const sentAt = invitedAt.get(`${event.assessmentId}:${String(event.candidateEmail).toLowerCase()}`);
      expect(sentAt).toBeDefined();
      expect(Date.parse(String(event.submittedAt))).toBeGreaterThan(sentAt!);
      expect(Date.parse(String(event.submittedAt))).toBeLessThanOrEqual(Date.parse(event.storedAt));
    }
  });

  it("mixes completions, timeouts and abandons, some with optional fields missing or null", () => {
    const statuses = new Set(completed.map((event) => event.status));
    expect(statuses).toEqual(new Set(["completed", "timeout", "abandoned"]));
    for (const field of ["recording", "aiFeedback", "durationMinutes", "questionAnswers", "proctoring"]) {
      expect(completed.some((event) => !(field in event))).toBe(true);
      expect(completed.some((event) => field in event && event[field] === null)).toBe(true);
      expect(completed.some((event) => event[field] != null)).toBe(true);
    }
  });

  it("stores events oldest first with unique ids", () => {
    const times = events.map((event) => Date.parse(event.storedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
  });
});

import { describe, expect, it } from "vitest";
import { answerStateOf, isWithdrawn, publicLifecycle } from "./answer-state";

describe("answerStateOf", () => {
  it("takes the provider's word when it gives one", () => {
    expect(answerStateOf({ status: "scoring_failed", answer: "said something", marks: null }, "final")).toBe(
      "scoring_failed",
    );
    expect(answerStateOf({ status: "scoring", recordingUrl: "https://x.test/a.mp4" }, "partial")).toBe("scoring");
  });

  it("reads marks as scored, and nothing at all as not answered", () => {
    expect(answerStateOf({ answer: null, marks: 0 }, "partial")).toBe("scored");
    expect(answerStateOf({ answer: "  ", marks: null }, "final")).toBe("unanswered");
  });

  it("an answer without marks is being scored until the provider is done", () => {
    expect(answerStateOf({ answer: "A copy of the DOM", marks: null }, "partial")).toBe("scoring");
    expect(answerStateOf({ answer: "A copy of the DOM", marks: null }, "final")).toBe("scored");
  });
});

describe("lifecycle", () => {
  it("names draft and published active, archived and deleted withdrawn", () => {
    expect(publicLifecycle("published")).toBe("active");
    expect(publicLifecycle("draft")).toBe("active");
    expect(publicLifecycle("archived")).toBe("archived");
    expect(publicLifecycle("deleted")).toBe("deleted");
    expect(isWithdrawn("deleted")).toBe(true);
    expect(isWithdrawn("published")).toBe(false);
  });
});

// Pure, so the read API, the candidate page and the shared report say the same thing about an
// answer: scored, still being scored, scoring failed, or not answered. A provider that says which
// is taken at its word; otherwise the marks and the answer decide.

export type AnswerStateName = "scored" | "scoring" | "scoring_failed" | "unanswered";

export const ANSWER_STATE_LABELS: Record<AnswerStateName, string> = {
  scored: "Scored",
  scoring: "Being scored",
  scoring_failed: "Scoring failed",
  unanswered: "Not answered",
};

export function answerStateOf(
  answer: {
    status?: AnswerStateName | null;
    answer?: string | null;
    marks?: number | null;
    recordingUrl?: string | null;
  },
  resultState: string,
): AnswerStateName {
  if (answer.status) return answer.status;
  if (answer.marks !== null && answer.marks !== undefined) return "scored";
  const answered = Boolean(answer.answer?.trim()) || Boolean(answer.recordingUrl);
  if (!answered) return "unanswered";
  // An answer without marks on a result the provider has finished is simply not scored per question.
  return resultState === "final" ? "scored" : "scoring";
}

/** The read API's lifecycle: a draft or published assessment is active; archived and deleted are withdrawn. */
export function publicLifecycle(lifecycle: string): "active" | "archived" | "deleted" {
  return lifecycle === "archived" || lifecycle === "deleted" ? lifecycle : "active";
}

export function isWithdrawn(lifecycle: string): boolean {
  return publicLifecycle(lifecycle) !== "active";
}

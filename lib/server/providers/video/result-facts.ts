import "server-only";
// A video interview result in the internal model's terms: overall score, per-question scores
// with transcripts and recordings, personality/trait insights, the full transcript.
import type { AnswerState, AttemptFacts, MediaItem, QuestionAnswer, Trait } from "../../domain/events";
import type { VideoResult } from "./schemas";

/** The provider's per-answer scoring state; an answer with nothing recorded was not answered. */
const ANSWER_STATES: Record<VideoResult["answers"][number]["status"], AnswerState> = {
  scored: "scored",
  processing: "scoring",
  failed: "scoring_failed",
};

const RECOMMENDATION_LABELS = { advance: "Advance", consider: "Consider", decline: "Decline" } as const;

export function resultFacts(result: VideoResult): AttemptFacts {
  const questionAnswers: QuestionAnswer[] = result.answers.map((answer) => ({
    id: answer.questionId,
    question: answer.question,
    answer: answer.transcript ?? null,
    marks: answer.score ?? null,
    maxMarks: answer.maxScore ?? null,
    correct: null,
    recordingUrl: answer.recordingUrl,
    status:
      !answer.recordingUrl && !answer.transcript && answer.score == null ? "unanswered" : ANSWER_STATES[answer.status],
  }));
  const media: MediaItem[] = result.answers.flatMap((answer, index) =>
    answer.recordingUrl
      ? [{ label: `Answer ${index + 1}: ${answer.question}`, url: answer.recordingUrl, kind: "recording" as const }]
      : [],
  );
  const traits: Trait[] = result.traits.map((trait) => ({
    name: trait.name,
    score: trait.score ?? null,
    maxScore: trait.maxScore ?? null,
    description: trait.description ?? null,
  }));
  const durations = result.answers
    .map((answer) => answer.durationSeconds)
    .filter((seconds): seconds is number => seconds != null);
  return {
    resultState: result.state,
    score: result.overallScore ?? null,
    maxScore: result.maxScore ?? null,
    gradingBand: result.recommendation ? RECOMMENDATION_LABELS[result.recommendation] : null,
    aiFeedback: result.summary ?? null,
    questionAnswers: questionAnswers.length > 0 ? questionAnswers : null,
    media: media.length > 0 ? media : null,
    traits: traits.length > 0 ? traits : null,
    transcript: result.transcript ?? null,
    recordingUrl: result.recordingUrl,
    reportUrl: result.reportUrl,
    durationSeconds: durations.length > 0 ? Math.round(durations.reduce((sum, seconds) => sum + seconds, 0)) : null,
  };
}

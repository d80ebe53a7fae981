// What the emulated AI makes of an interview: per-answer scores and transcripts, personality
// and workplace traits, a summary. Partial results score the first answers only, as the
// provider does while its models are still working through a submission.
import type { AnswerResult, Assessment, InterviewResult, Invitation, TraitResult } from "./model";
import type { Random } from "../shared/random";

const ANSWER_MAX_SCORE = 5;

const ANSWER_OPENINGS = [
  "In my last role I owned this end to end.",
  "A good example is a project from last spring.",
  "I would start by making sure I understand the goal.",
  "Honestly, this is something I learned the hard way.",
  "The situation was tense, so I kept things simple.",
];
const ANSWER_MIDDLES = [
  "I listed what we knew, what we assumed, and what we had to find out first.",
  "I talked to the people involved one by one before proposing anything.",
  "We agreed on one measure of success and reviewed it every week.",
  "I split the work so the riskiest part was tested in the first few days.",
  "I wrote a short plan, shared it early, and changed it when the feedback came in.",
];
const ANSWER_ENDINGS = [
  "In the end we shipped on time and the customer renewed.",
  "The result was a calmer team and fewer escalations.",
  "It did not all go to plan, but we caught the problems early.",
  "Looking back, I would involve the stakeholders even sooner.",
  "That approach is now how the team handles similar cases.",
];

const TRAITS: { key: string; name: string; low: string; high: string }[] = [
  {
    key: "communication",
    name: "Communication",
    low: "Answers are sometimes hard to follow.",
    high: "Explains ideas clearly and checks understanding.",
  },
  {
    key: "problem_solving",
    name: "Problem solving",
    low: "Tends to describe the problem more than the approach.",
    high: "Breaks problems down and weighs options before acting.",
  },
  {
    key: "openness",
    name: "Openness",
    low: "Prefers familiar, proven ways of working.",
    high: "Curious; welcomes new ideas and feedback.",
  },
  {
    key: "conscientiousness",
    name: "Conscientiousness",
    low: "Focuses on the big picture over follow-through.",
    high: "Organised and reliable; follows through on commitments.",
  },
  {
    key: "composure",
    name: "Composure",
    low: "Shows some strain when describing pressure.",
    high: "Stays calm and constructive under pressure.",
  },
];

export function mediaUrl(publicUrl: string, invitationId: string, file: string): string {
  return `${publicUrl}/media/${invitationId}/${file}`;
}

function answerTranscript(random: Random): string {
  return [random.pick(ANSWER_OPENINGS), random.pick(ANSWER_MIDDLES), random.pick(ANSWER_ENDINGS)].join(" ");
}

/** The candidate's recorded answers at submission, none scored yet. */
export function submittedAnswers(
  assessment: Assessment,
  invitationId: string,
  publicUrl: string,
  random: Random,
): AnswerResult[] {
  return assessment.questions.map((question) => ({
    questionId: question.id,
    question: question.text,
    status: "processing",
    score: null,
    maxScore: ANSWER_MAX_SCORE,
    durationSeconds: random.int(Math.min(20, question.answerTimeSeconds), question.answerTimeSeconds),
    transcript: null,
    recordingUrl: mediaUrl(publicUrl, invitationId, `${question.id}.mp4`),
  }));
}

function scoreAnswer(answer: AnswerResult, random: Random, canFail: boolean): AnswerResult {
  if (canFail && random.chance(0.08)) return { ...answer, status: "failed", score: null, transcript: null };
  return { ...answer, status: "scored", score: random.int(2, ANSWER_MAX_SCORE), transcript: answerTranscript(random) };
}

function fullTranscript(answers: AnswerResult[]): string | null {
  const parts = answers
    .map((answer, index) => (answer.transcript ? `Q${index + 1}. ${answer.question}\n${answer.transcript}` : null))
    .filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join("\n\n") : null;
}

function traits(overall: number, random: Random): TraitResult[] {
  return TRAITS.map((trait) => {
    const score = Math.max(5, Math.min(98, overall + random.int(-18, 18)));
    return {
      key: trait.key,
      name: trait.name,
      score,
      maxScore: 100,
      description: score >= 60 ? trait.high : trait.low,
    };
  });
}

/** Scoring has started: roughly the first half of the answers carry scores. */
export function partialResult(
  invitation: Invitation,
  publicUrl: string,
  answers: AnswerResult[],
  random: Random,
): InterviewResult {
  const scoredCount = Math.max(1, Math.floor(answers.length / 2));
  const scored = answers.map((answer, index) => (index < scoredCount ? scoreAnswer(answer, random, false) : answer));
  return {
    state: "partial",
    overallScore: null,
    maxScore: 100,
    recommendation: null,
    summary: null,
    answers: scored,
    traits: [],
    transcript: fullTranscript(scored),
    recordingUrl: mediaUrl(publicUrl, invitation.id, "full.mp4"),
    reportUrl: null,
  };
}

/** Scoring is done. Answers already scored keep their scores; an unscorable answer stays failed. */
export function finalResult(
  invitation: Invitation,
  publicUrl: string,
  answers: AnswerResult[],
  random: Random,
): InterviewResult {
  const scored = answers.map((answer) => (answer.status === "processing" ? scoreAnswer(answer, random, true) : answer));
  const scores = scored.filter((answer) => answer.score !== null).map((answer) => answer.score!);
  const overall =
    scores.length === 0
      ? 0
      : Math.round((scores.reduce((sum, score) => sum + score, 0) / (scores.length * ANSWER_MAX_SCORE)) * 100);
  const recommendation = overall >= 75 ? "advance" : overall >= 55 ? "consider" : "decline";
  return {
    state: "final",
    overallScore: overall,
    maxScore: 100,
    recommendation,
    summary:
      recommendation === "advance"
        ? "Clear, structured answers with concrete examples."
        : recommendation === "consider"
          ? "Relevant experience; some answers stayed general."
          : "Answers were short on specifics and structure.",
    answers: scored,
    traits: traits(overall, random),
    transcript: fullTranscript(scored),
    recordingUrl: mediaUrl(publicUrl, invitation.id, "full.mp4"),
    reportUrl: `${publicUrl}/reports/${invitation.id}`,
  };
}

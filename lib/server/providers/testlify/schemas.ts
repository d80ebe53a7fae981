import "server-only";
// Testlify's webhook payloads, as its document shows them. The document disagrees with
// itself (resultLink is null, "null", absolute or relative; antiCheatingMonitor is an object
// or ""; the expiry payload has no event/type), so everything but the identifiers is lenient.
import { z } from "zod";
import {
  looseArray,
  looseBoolean,
  looseDate,
  looseNumber,
  looseObject,
  looseText,
  requiredEmail,
  requiredId,
} from "../lenient";

export const testlifyEnvelopeSchema = z.object({
  type: looseText,
  event: looseText,
  /** Milliseconds since 1970, when Testlify sends it (most candidate events do). */
  timestamp: looseNumber,
  data: z.record(z.string(), z.unknown(), { message: "is missing or not an object" }),
});

const testLibraryResultSchema = z.object({
  testLibraryId: looseText,
  testLibraryTitle: looseText,
  completed: looseBoolean,
  scoreAchieved: looseNumber,
  scorePercentage: looseNumber,
  /** Seconds, with a fraction (314.764 in the completed sample). */
  elapsedTime: looseNumber,
  completedAt: looseDate,
});
export type TestlifyTestLibraryResult = z.output<typeof testLibraryResultSchema>;

export const antiCheatingMonitorSchema = z.object({
  city: looseText,
  state: looseText,
  country: looseText,
  device: looseText,
  isMicEnabled: looseBoolean,
  /** Milliseconds: 157000 beside a 300-second test in the completed sample. */
  timeSpentOutside: looseNumber,
  isFilledFromSameIP: looseBoolean,
  isFullScreenActive: looseBoolean,
  isMouseInAssessmentWindow: looseBoolean,
  screenLeftByCandidateCount: looseNumber,
});
export type TestlifyAntiCheatingMonitor = z.output<typeof antiCheatingMonitorSchema>;

const qualificationQuestionSchema = z.object({
  assessmentQQId: looseText,
  question: looseText,
  classification: looseText,
  score: looseNumber,
  isAnsweredCorrect: looseBoolean,
  options: looseArray(z.object({ description: looseText, isAnswered: looseBoolean, isCorrect: looseBoolean })),
});
export type TestlifyQualificationQuestion = z.output<typeof qualificationQuestionSchema>;

export const testlifyCandidateSchema = z.object({
  email: requiredEmail,
  assessmentId: requiredId,
  candidateId: looseText,
  firstName: looseText,
  lastName: looseText,
  status: looseText,
  candidateStatus: looseText,
  candidateStage: looseText,
  /** The assessment's name is `assessment` in most payloads, `assessmentName`/`title` in the expiry one. */
  assessment: looseText,
  assessmentName: looseText,
  title: looseText,
  invitedAt: looseDate,
  completedAt: looseDate,
  inviteLink: looseText,
  resultLink: looseText,
  candidateDetailLink: looseText,
  avgScorePercentage: looseNumber,
  /** Points possible and achieved across the tests, and how many questions there were. */
  totalScore: looseNumber,
  totalScoreAchieved: looseNumber,
  totalQuestion: looseNumber,
  totalTestElapsedTime: looseNumber,
  /** The recruiter's rating on Testlify (0: not rated) and remark. */
  reviewRating: looseNumber,
  reviewRemark: looseText,
  /** Proctoring stills: paths (or objects naming one) relative to capturedScreenImageBasePath. */
  capturedScreenImageBasePath: looseText,
  capturedScreenImages: looseArray(
    z.union([
      z.string(),
      z.object({ url: looseText, image: looseText, path: looseText, imageUrl: looseText, capturedAt: looseDate }),
    ]),
  ),
  testLibrary: looseArray(testLibraryResultSchema),
  antiCheatingMonitor: looseObject(antiCheatingMonitorSchema),
  qualificationQuestions: looseArray(qualificationQuestionSchema),
});
export type TestlifyCandidate = z.output<typeof testlifyCandidateSchema>;

const gradingBandSchema = z.object({
  name: z.string().trim().min(1),
  min: z.number(),
  max: z.number(),
  color: looseText,
});

const testLibraryDefinitionSchema = z.object({
  testLibraryId: looseText,
  testLibraryTitle: looseText,
  testTypeName: looseText,
  testLibraryTypeName: looseText,
  difficultyLevel: looseText,
  timeLimit: looseNumber,
  questionLimit: looseNumber,
  skills: looseArray(z.object({ _id: looseText, description: looseText })),
});
export type TestlifyTestLibraryDefinition = z.output<typeof testLibraryDefinitionSchema>;

const customQuestionSchema = z.object({
  assessmentCQId: looseText,
  question: looseText,
  classification: looseText,
  maximumScore: looseNumber,
  duration: looseNumber,
  isMandatory: looseBoolean,
});
export type TestlifyCustomQuestion = z.output<typeof customQuestionSchema>;

export const testlifyAssessmentSchema = z.object({
  assessmentId: requiredId,
  name: looseText,
  assessmentTitle: looseText,
  jobRoleName: looseText,
  otherJobRole: looseText,
  assessmentStatus: looseText,
  isArchived: looseBoolean,
  language: looseText,
  defaultLanguage: looseText,
  /** Seconds. */
  totalTime: looseNumber,
  invitationEmailLinkValidity: looseNumber,
  grading: looseArray(gradingBandSchema),
  testLibrary: looseArray(testLibraryDefinitionSchema),
  customQuestion: looseArray(customQuestionSchema),
  qualificationQuestion: looseArray(z.object({ assessmentQQId: looseText, question: looseText })),
});
export type TestlifyAssessment = z.output<typeof testlifyAssessmentSchema>;

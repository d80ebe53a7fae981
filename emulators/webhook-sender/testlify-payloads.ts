// Testlify deliveries in the shapes of its webhook document (see /work/shared/fixtures):
// including its quirks — event names that differ per status, "null" as a string, a relative
// resultLink on score updates, and an expiry payload without event, type or candidateId.
import type { TestlifyAssessmentSpec } from "./catalogue";

export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  candidateId: string;
  place: { city: string; state: string; country: string };
}

export type TestlifyStatus =
  "INVITED" | "ENROLLED" | "IN_PROGRESS" | "COMPLETED" | "DISQUALIFIED" | "INVITATION_EXPIRED" | "REJECTED";

export interface Proctoring {
  screenLeft: number;
  secondsOutside: number;
  fullScreen: boolean;
  mouseInWindow: boolean;
  sameIp: boolean;
}

export interface CandidateState {
  assessment: TestlifyAssessmentSpec;
  person: Person;
  status: TestlifyStatus;
  /** Provider time of this change (ms). */
  at: number;
  invitedAt: number;
  completedAt?: number;
  /** Percentage per test library, once scored. */
  scores?: number[];
  proctoring?: Proctoring;
  reportId?: string;
}

const EVENT_NAMES: Record<TestlifyStatus, string | null> = {
  INVITED: "candidateStatusChanged",
  ENROLLED: "enrolled",
  IN_PROGRESS: "in_progress",
  COMPLETED: "completed",
  DISQUALIFIED: "disqualified",
  REJECTED: "candidateStatusChanged",
  INVITATION_EXPIRED: null,
};

export function testlifyCandidatePayload(state: CandidateState): Record<string, unknown> {
  const { assessment, person, status } = state;
  const invitedAt = new Date(state.invitedAt).toISOString();
  if (status === "INVITATION_EXPIRED") {
    return {
      success: true,
      data: {
        assessmentId: assessment.assessmentId,
        assessmentName: assessment.title,
        title: assessment.title,
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        invitedAt,
        completedAt: null,
        candidateStatus: "INVITATION_EXPIRED",
        candidateStage: "Request Expired For Assessment",
        totalScore: 0,
        avgScorePercentage: 0,
        antiCheatingMonitor: "",
        testLibrary: [],
        customQuestions: [],
        qualificationQuestions: [],
        expired: false,
      },
    };
  }
  const scored = state.scores !== undefined;
  const libraries = assessment.libraries.map((library, index) => {
    const percentage = state.scores?.[index] ?? 0;
    const base = { testLibraryId: library.id, testLibraryTitle: library.title, questions: [] as unknown[] };
    // Score updates list the libraries without their scores, as Testlify's sample does.
    if (status === "REJECTED") return base;
    return {
      ...base,
      completed: scored,
      completedAt: scored && state.completedAt ? new Date(state.completedAt).toISOString() : "",
      elapsedTime: scored ? 240 + index * 60 : 0,
      scoreAchieved: scored ? Math.round((library.questions * percentage) / 100) : 0,
      scorePercentage: scored ? percentage : 0,
    };
  });
  const average = scored ? Math.round(state.scores!.reduce((sum, value) => sum + value, 0) / state.scores!.length) : 0;
  const report = state.reportId ? `reports/pdf/assessment-candidate-report/${state.reportId}.pdf` : null;
  const body: Record<string, unknown> = {
    data: {
      email: person.email,
      status,
      orgName: "demo-workspace",
      firstName: person.firstName,
      lastName: person.lastName,
      companyId: null,
      invitedAt,
      assessment: assessment.title,
      inviteLink: `https://candidate.testlify.com/candidate/assessment/invite?key=${person.candidateId}&isPublic=false`,
      resellerId: null,
      resultLink: report ? (status === "REJECTED" ? report : `https://cdn-global.net/${report}`) : "null",
      totalScore: assessment.libraries.reduce((sum, library) => sum + library.questions, 0),
      candidateId: person.candidateId,
      completedAt: state.completedAt ? new Date(state.completedAt).toISOString() : null,
      testLibrary: status === "INVITED" || status === "ENROLLED" ? [] : libraries,
      assessmentId: assessment.assessmentId,
      candidateStage: STAGES[status],
      candidateStatus: status,
      customQuestions: [],
      avgScorePercentage: scored ? average : status === "DISQUALIFIED" ? null : 0,
      totalScoreAchieved: libraries.reduce(
        (sum, library) => sum + ("scoreAchieved" in library ? library.scoreAchieved : 0),
        0,
      ),
      totalTestTimeLimit: 1800,
      antiCheatingMonitor: state.proctoring ? monitor(person, state.proctoring) : "",
      candidateDetailLink: `https://demo-workspace.testlify.com/assessment/${assessment.assessmentId}/candidate/${person.candidateId}`,
      totalTestElapsedTime: scored ? 600 + Math.round(average * 9) : 0,
      qualificationQuestions: status === "DISQUALIFIED" ? [qualificationQuestion()] : [],
    },
    type: "candidate",
    event: EVENT_NAMES[status],
    success: true,
    metadata: false,
  };
  // Disqualifications come without a timestamp in Testlify's document.
  if (status !== "DISQUALIFIED") body.timestamp = state.at;
  return body;
}

const STAGES: Record<TestlifyStatus, string> = {
  INVITED: "Invited For Assessment",
  ENROLLED: "Enrolled For Assessment",
  IN_PROGRESS: "Enrolled For Assessment",
  COMPLETED: "Assessment Completed",
  DISQUALIFIED: "Rejected",
  REJECTED: "Rejected",
  INVITATION_EXPIRED: "Request Expired For Assessment",
};

function monitor(person: Person, proctoring: Proctoring) {
  return {
    ...person.place,
    device: "Macintosh PC",
    isMicEnabled: false,
    location: `${person.place.city}, ${person.place.country}`,
    startIPAddress: "xxx.xxx.xxx.xxx",
    timeSpentOutside: proctoring.secondsOutside * 1000,
    isFilledFromSameIP: proctoring.sameIp,
    isFullScreenActive: proctoring.fullScreen,
    isMouseInAssessmentWindow: proctoring.mouseInWindow,
    screenLeftByCandidateCount: proctoring.screenLeft,
  };
}

function qualificationQuestion() {
  return {
    score: 0,
    options: [
      { description: "Yes", isCorrect: true, isAnswered: false },
      { description: "No", isCorrect: false, isAnswered: true },
    ],
    question: "Are you able to work from our office three days a week?",
    assessmentQQId: "6650a1c2f0e4d2a1b3c4d9f1",
    classification: "SINGLE_SELECT",
    isAnsweredCorrect: false,
  };
}

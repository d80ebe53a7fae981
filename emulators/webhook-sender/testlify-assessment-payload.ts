// Testlify's assessment created/updated/archived deliveries, in the shape of its document.
import { TESTLIFY_GRADING, type TestlifyAssessmentSpec } from "./catalogue";

export function testlifyAssessmentPayload(
  assessment: TestlifyAssessmentSpec,
  event: "created" | "updated" | "archived",
): Record<string, unknown> {
  const draft = event === "created";
  return {
    data: {
      name: assessment.title,
      grading: TESTLIFY_GRADING,
      language: "en",
      jobRoleName: assessment.jobRole,
      totalTime: draft ? 0 : 1800,
      isArchived: false,
      assessmentId: assessment.assessmentId,
      assessmentTitle: assessment.title,
      assessmentStatus: draft ? "DRAFT" : "PUBLISHED",
      invitationEmailLinkValidity: 30,
      testLibrary: draft
        ? []
        : assessment.libraries.map((library) => ({
            testLibraryId: library.id,
            testLibraryTitle: library.title,
            testTypeName: library.type,
            difficultyLevel: "Intermediate",
            timeLimit: 600,
            questionLimit: library.questions,
            skills: library.skills.map((skill, index) => ({
              _id: `${library.id}${index}`,
              description: skill,
              extendedDescription: "",
            })),
          })),
      customQuestion: draft
        ? []
        : [
            {
              assessmentCQId: `${assessment.assessmentId}cq1`,
              question: "What are your strengths?",
              classification: "WRITTEN_ANSWER",
              maximumScore: 5,
              duration: 300,
              isMandatory: false,
            },
          ],
      qualificationQuestion: [],
    },
    type: "assessment",
    event,
    success: true,
    metadata: {},
  };
}

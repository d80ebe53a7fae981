import "server-only";
// A Testlify "completed" delivery in the shape of its document's sample, for the admin's
// "Send test event". Test deliveries are translated but never applied, so these names
// never show up as a result.
export function testlifySampleDelivery(now: Date): unknown {
  const completedAt = new Date(now.getTime() - 60_000);
  return {
    type: "candidate",
    event: "completed",
    success: true,
    metadata: false,
    timestamp: now.getTime(),
    data: {
      email: "test.candidate@example.com",
      status: "COMPLETED",
      candidateStatus: "COMPLETED",
      candidateStage: "Assessment Completed",
      firstName: "Test",
      lastName: "Candidate",
      candidateId: "assessment-hub-test-candidate",
      assessmentId: "assessment-hub-test-assessment",
      assessment: "Assessment Hub test event",
      invitedAt: new Date(now.getTime() - 3_600_000).toISOString(),
      completedAt: completedAt.toISOString(),
      resultLink: null,
      avgScorePercentage: 72,
      totalScore: 20,
      totalScoreAchieved: 14,
      totalTestElapsedTime: 900,
      totalTestTimeLimit: 1800,
      testLibrary: [
        {
          testLibraryId: "test-library-1",
          testLibraryTitle: "Communication",
          completed: true,
          scoreAchieved: 7,
          scorePercentage: 70,
          elapsedTime: 450,
        },
        {
          testLibraryId: "test-library-2",
          testLibraryTitle: "Problem solving",
          completed: true,
          scoreAchieved: 7,
          scorePercentage: 74,
          elapsedTime: 450,
        },
      ],
      antiCheatingMonitor: {
        city: "Pune",
        country: "India",
        device: "Test device",
        timeSpentOutside: 0,
        isFilledFromSameIP: true,
        isFullScreenActive: true,
        isMouseInAssessmentWindow: true,
        screenLeftByCandidateCount: 0,
      },
      customQuestions: [],
      qualificationQuestions: [],
    },
  };
}

import "server-only";
// What /jobs/<id>/video shows: the job's video interviews, their questions, and each
// invited candidate's status and result, newest activity first.
import { z } from "zod";
import type { Db } from "../../../db";
import { readMedia, readQuestionAnswers, readTraits } from "../../../results/result-details";

/** Candidates listed per interview; the rest are counted. */
export const INVITATIONS_SHOWN = 200;

const detailsSchema = z.object({
  answerTimeSeconds: z.number().optional(),
  questions: z.array(z.object({ text: z.string() })).optional(),
});

export async function loadJobVideoOverview(db: Db, jobId: string) {
  const job = await db.job.findUnique({ where: { id: jobId }, select: { id: true, title: true } });
  if (!job) return null;
  const assessments = await db.assessment.findMany({
    where: { jobId, provider: "video" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, details: true, createdAt: true, _count: { select: { attempts: true } } },
  });
  const withInvitations = await Promise.all(
    assessments.map(async (assessment) => {
      const [attempts, invitations] = await Promise.all([
        db.attempt.findMany({
          where: { assessmentId: assessment.id },
          orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
          take: INVITATIONS_SHOWN,
          select: {
            id: true,
            status: true,
            resultState: true,
            score: true,
            maxScore: true,
            gradingBand: true,
            aiFeedback: true,
            invitedAt: true,
            submittedAt: true,
            updatedAt: true,
            recordingUrl: true,
            reportUrl: true,
            transcript: true,
            traits: true,
            media: true,
            questionAnswers: true,
            candidate: { select: { id: true, name: true, email: true } },
          },
        }),
        db.invitation.findMany({
          where: { assessmentId: assessment.id },
          select: { candidateId: true, inviteUrl: true, expiresAt: true },
        }),
      ]);
      const invitationOf = new Map(invitations.map((invitation) => [invitation.candidateId, invitation]));
      const details = detailsSchema.safeParse(assessment.details);
      return {
        id: assessment.id,
        name: assessment.name,
        createdAt: assessment.createdAt,
        questions: details.success ? (details.data.questions ?? []).map((question) => question.text) : [],
        answerTimeSeconds: details.success ? (details.data.answerTimeSeconds ?? null) : null,
        candidateCount: assessment._count.attempts,
        candidates: attempts.map(({ traits, media, questionAnswers, ...attempt }) => ({
          ...attempt,
          inviteUrl: invitationOf.get(attempt.candidate.id)?.inviteUrl ?? null,
          expiresAt: invitationOf.get(attempt.candidate.id)?.expiresAt ?? null,
          traits: readTraits(traits),
          media: readMedia(media),
          questionAnswers: readQuestionAnswers(questionAnswers),
        })),
      };
    }),
  );
  return { job, assessments: withInvitations };
}

export type JobVideoOverview = NonNullable<Awaited<ReturnType<typeof loadJobVideoOverview>>>;
export type VideoInterviewSummary = JobVideoOverview["assessments"][number];
export type VideoCandidateRow = VideoInterviewSummary["candidates"][number];

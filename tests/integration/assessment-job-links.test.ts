// An assessment whose provider names no job (the engine's never do) linked to a job by a person:
// its results, past and future, follow; unlinking puts them back; a provider naming a job later
// wins, and the person who linked it is told.
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { UserFacingError } from "@/lib/server/errors";
import { linkAssessmentToJob, linkableAssessments, unlinkAssessment } from "@/lib/server/jobs/assessment-links";
import { describeEachDatabase } from "../support/databases";
import { fixture } from "../support/fixtures";
import { deliver } from "../support/fixture-deliveries";
import { applyAsDelivery } from "../support/result-events";

type Instance = Record<string, unknown> & { candidate: Record<string, unknown> };

function engineInstance(id: number, email: string): Instance {
  const body = fixture<Instance>("ae-test-instance-created.json");
  return { ...body, id, candidate: { ...body.candidate, email } };
}

async function engineAssessment(db: Db) {
  return db.assessment.findUniqueOrThrow({
    where: { provider_externalId: { provider: "assessment-engine", externalId: "202" } },
    select: { id: true, jobId: true, jobLinkedById: true },
  });
}

async function jobIdsOfAttempts(db: Db, assessmentId: string) {
  const attempts = await db.attempt.findMany({ where: { assessmentId }, select: { jobId: true } });
  return [...new Set(attempts.map((attempt) => attempt.jobId))];
}

// Each test starts from its own database: a job, a person, and the engine's unlinked assessment
// with one result; a test that needs it linked first links it itself.
describeEachDatabase(
  "linking an assessment to a job",
  (getDb) => {
    let userId: string;
    let jobId: string;

    async function linked() {
      const { id } = await engineAssessment(getDb());
      await linkAssessmentToJob(getDb(), { assessmentId: id, jobId, userId });
      return id;
    }

    beforeEach(async () => {
      const db = getDb();
      userId = (
        await db.user.create({ data: { email: "rita@example.com", name: "Rita Recruiter", passwordHash: "x" } })
      ).id;
      await deliver(db, "testlify", [{ body: fixture("testlify-assessment-created.json") }]);
      jobId = (await db.job.findUniqueOrThrow({ where: { titleKey: "job analysis specialist" } })).id;
      await deliver(db, "assessment-engine", [
        { body: engineInstance(789, "first@example.com"), eventType: "ae.test_instance.created" },
      ]);
    });

    it("lists the engine's assessment as not linked, then moves it and its results to the chosen job", async () => {
      const db = getDb();
      const before = await engineAssessment(db);
      expect(before.jobId).toBeNull();
      expect((await linkableAssessments(db, null)).map((row) => row.id)).toContain(before.id);

      await linkAssessmentToJob(db, { assessmentId: before.id, jobId, userId });
      expect(await engineAssessment(db)).toMatchObject({ jobId, jobLinkedById: userId });
      expect(await jobIdsOfAttempts(db, before.id)).toEqual([jobId]);
      expect(await linkableAssessments(db, jobId)).toEqual([
        expect.objectContaining({ id: before.id, linkedByName: "Rita Recruiter" }),
      ]);
    });

    it("takes later results of the assessment to the same job", async () => {
      const db = getDb();
      await linked();
      await deliver(db, "assessment-engine", [
        { body: engineInstance(790, "second@example.com"), eventType: "ae.test_instance.created" },
      ]);
      const { id } = await engineAssessment(db);
      expect(await db.attempt.count({ where: { assessmentId: id } })).toBe(2);
      expect(await jobIdsOfAttempts(db, id)).toEqual([jobId]);
    });

    it("unlinks, and links again", async () => {
      const db = getDb();
      const id = await linked();
      await unlinkAssessment(db, id);
      expect(await engineAssessment(db)).toMatchObject({ jobId: null, jobLinkedById: null });
      expect(await jobIdsOfAttempts(db, id)).toEqual([null]);
      await linkAssessmentToJob(db, { assessmentId: id, jobId, userId });
      expect(await jobIdsOfAttempts(db, id)).toEqual([jobId]);
    });

    it("gives way when the provider names a job itself, and tells whoever linked it", async () => {
      const db = getDb();
      const id = await linked();
      await applyAsDelivery(db, "assessment-engine", [
        {
          kind: "assessment.defined",
          occurredAt: new Date("2023-11-06T00:00:00Z"),
          assessment: { externalId: "202", name: "Python Proficiency Test", jobTitle: "Data Engineer" },
        },
      ]);
      const dataEngineer = await db.job.findUniqueOrThrow({ where: { titleKey: "data engineer" } });
      expect(await engineAssessment(db)).toMatchObject({ jobId: dataEngineer.id, jobLinkedById: null });
      expect(await jobIdsOfAttempts(db, id)).toEqual([dataEngineer.id]);
      const notices = await db.notification.findMany({ where: { userId }, select: { title: true } });
      expect(notices).toEqual([{ title: "Python Proficiency Test moved to Data Engineer" }]);

      // The provider's job now stands: a person can no longer move or unlink it.
      await expect(linkAssessmentToJob(db, { assessmentId: id, jobId, userId })).rejects.toBeInstanceOf(
        UserFacingError,
      );
      await expect(unlinkAssessment(db, id)).rejects.toBeInstanceOf(UserFacingError);
    });
  },
  { databasePerTest: true },
);

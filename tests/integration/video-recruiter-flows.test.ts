// Recruiters create video interviews, invite candidates and refresh statuses against the
// emulator over real HTTP. Nothing is stored until the provider confirms, and a retry after
// a timeout never creates or invites twice.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { VideoClient } from "@/lib/server/providers/video/client";
import { VideoProviderError } from "@/lib/server/providers/video/errors";
import { createVideoAssessment } from "@/lib/server/providers/video/interviews/create-assessment";
import { inviteVideoCandidates } from "@/lib/server/providers/video/interviews/invite-candidates";
import { refreshVideoInvitations } from "@/lib/server/providers/video/interviews/refresh-invitations";
import { suppressEmail } from "@/lib/server/privacy/suppression";
import { describeEachDatabase } from "../support/databases";
import { startVideoHarness, type VideoHarness } from "../support/video";

describeEachDatabase("video recruiter flows", (getDb) => {
  let video: VideoHarness;
  let db: Db;
  let jobId: string;

  beforeAll(async () => {
    db = getDb();
    video = await startVideoHarness(getDb);
    jobId = (await db.job.create({ data: { title: "Support Agent", titleKey: "support agent" } })).id;
  });
  afterAll(async () => {
    await video?.stop();
  });
  afterEach(() => {
    Object.assign(video.emulator.faults, { down: false, failNext: 0, slowNext: 0, slowMs: 0 });
  });

  const newInterview = (title = "Support video screen") =>
    createVideoAssessment(db, video.client, {
      jobId,
      title,
      questions: ["Why support?", "Tell us about a hard call."],
      answerTimeSeconds: 90,
      requestKey: randomUUID(),
    });

  const providerInvitations = (assessmentExternalId: string) =>
    [...video.emulator.interviews.invitations.values()].filter(
      (invitation) => invitation.assessment.id === assessmentExternalId,
    );

  it("creates a video interview on the provider and stores it on the job, questions in its details", async () => {
    const { assessmentId } = await newInterview();
    const stored = await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    expect(stored).toMatchObject({ provider: "video", name: "Support video screen", jobId, lifecycle: "published" });
    expect(stored.details).toMatchObject({
      answerTimeSeconds: 90,
      questions: [{ text: "Why support?" }, { text: "Tell us about a hard call." }],
    });
    const remote = video.emulator.interviews.assessments.get(stored.externalId);
    expect(remote).toMatchObject({ title: "Support video screen", jobTitle: "Support Agent", answerTimeSeconds: 90 });
  });

  it("invites several candidates: one invitation and one invited attempt each, keyed by the provider's invitation id", async () => {
    const { assessmentId } = await newInterview();
    const outcome = await inviteVideoCandidates(db, video.client, {
      assessmentId,
      candidates: [
        { name: "Ada Lovelace", email: "Ada@Example.com" },
        { name: "Bo Chen", email: "bo@example.com" },
      ],
      expiresInDays: 3,
    });
    expect(outcome.invited.map((invited) => invited.email)).toEqual(["ada@example.com", "bo@example.com"]);
    expect(outcome.invited.every((invited) => invited.inviteUrl?.startsWith(video.emulator.url))).toBe(true);

    const invitations = await db.invitation.findMany({
      where: { assessmentId },
      include: { candidate: true },
      orderBy: { candidate: { email: "asc" } },
    });
    expect(invitations.map((invitation) => invitation.candidate.email)).toEqual(["ada@example.com", "bo@example.com"]);
    const attempts = await db.attempt.findMany({ where: { assessmentId }, orderBy: { candidate: { email: "asc" } } });
    expect(attempts.map((attempt) => attempt.status)).toEqual(["invited", "invited"]);
    expect(attempts.map((attempt) => attempt.externalKey)).toEqual(
      invitations.map((invitation) => invitation.providerInvitationId),
    );
    expect(attempts.every((attempt) => attempt.jobId === jobId)).toBe(true);
    const expiresIn = invitations[0]!.expiresAt!.getTime() - invitations[0]!.invitedAt!.getTime();
    expect(expiresIn).toBe(3 * 24 * 3_600_000);

    const again = await inviteVideoCandidates(db, video.client, {
      assessmentId,
      candidates: [{ name: "Ada", email: "ada@example.com" }],
      expiresInDays: 7,
    });
    expect(again).toEqual({ invited: [], alreadyInvited: ["ada@example.com"], erased: [] });
  });

  it("does not invite a person whose data was erased: the provider never gets their email, and nothing is stored", async () => {
    const { assessmentId } = await newInterview();
    const stored = await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    await suppressEmail(db, "Erased.Person@example.com");
    const outcome = await inviteVideoCandidates(db, video.client, {
      assessmentId,
      candidates: [
        { name: "Erased Person", email: "erased.person@EXAMPLE.com" },
        { name: "Cy Ito", email: "cy@example.com" },
      ],
      expiresInDays: 7,
    });
    expect(outcome).toMatchObject({ invited: [{ email: "cy@example.com" }], erased: ["erased.person@example.com"] });
    const sent = providerInvitations(stored.externalId).map((invitation) => invitation.candidate.email);
    expect(sent).toEqual(["cy@example.com"]);
    expect(await db.candidate.count({ where: { email: "erased.person@example.com" } })).toBe(0);
  });

  it("a provider that is down: a clear error, and neither the interview nor an invitation is half-created", async () => {
    video.emulator.faults.down = true;
    const assessments = await db.assessment.count();
    const error = await newInterview("Never created").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VideoProviderError);
    expect((error as VideoProviderError).retryable).toBe(true);
    expect((error as Error).message).toMatch(/unavailable.*503/);
    expect(await db.assessment.count()).toBe(assessments);

    video.emulator.faults.down = false;
    const { assessmentId } = await newInterview();
    video.emulator.faults.down = true;
    const counts = async () => ({
      invitations: await db.invitation.count(),
      attempts: await db.attempt.count(),
      candidates: await db.candidate.count(),
    });
    const before = await counts();
    await expect(
      inviteVideoCandidates(db, video.client, {
        assessmentId,
        candidates: [{ name: "Cy", email: "cy@example.com" }],
        expiresInDays: 7,
      }),
    ).rejects.toThrow(/unavailable/);
    expect(await counts()).toEqual(before);
  });

  it("a provider that cannot be reached is reported as unavailable, naming the host", async () => {
    const unreachable = new VideoClient({
      apiUrl: "http://127.0.0.1:9",
      apiKey: video.apiKey,
      timeoutMs: 300,
      retries: 0,
    });
    await expect(unreachable.getAccount()).rejects.toThrow(/unavailable right now \(cannot reach 127\.0\.0\.1:9/);
  });

  it("a retry after a timeout invites each candidate once: the idempotency key makes the provider replay", async () => {
    const { assessmentId } = await newInterview();
    const { externalId } = await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    const input = {
      assessmentId,
      candidates: [
        { name: "Di", email: "di@example.com" },
        { name: "Ed", email: "ed@example.com" },
      ],
      expiresInDays: 7,
    };

    // The provider invites, but every answer (the client's try and its own retry) comes too late.
    Object.assign(video.emulator.faults, { slowNext: 2, slowMs: 1_000 });
    await expect(inviteVideoCandidates(db, video.client, input)).rejects.toThrow(/no answer .* within 0\.4 s/);
    expect(providerInvitations(externalId)).toHaveLength(2);
    expect(await db.invitation.count({ where: { assessmentId } })).toBe(0);

    // The recruiter presses "Try again": the same request, the same key.
    const retried = await inviteVideoCandidates(db, video.client, input);
    expect(retried.invited).toHaveLength(2);
    expect(providerInvitations(externalId)).toHaveLength(2);
    const attempts = await db.attempt.findMany({ where: { assessmentId } });
    expect(attempts).toHaveLength(2);
    expect(attempts.map((attempt) => attempt.externalKey).sort()).toEqual(
      providerInvitations(externalId)
        .map((invitation) => invitation.id)
        .sort(),
    );
  });

  it("a create retried after a timeout makes one interview", async () => {
    const requestKey = randomUUID();
    const input = { jobId, title: "Retried screen", questions: ["One?"], answerTimeSeconds: 60, requestKey };
    const before = video.emulator.interviews.assessments.size;
    Object.assign(video.emulator.faults, { slowNext: 2, slowMs: 1_000 });
    await expect(createVideoAssessment(db, video.client, input)).rejects.toThrow(VideoProviderError);
    await createVideoAssessment(db, video.client, input);
    expect(video.emulator.interviews.assessments.size).toBe(before + 1);
    expect(await db.assessment.count({ where: { name: "Retried screen" } })).toBe(1);
  });

  it("refresh reads statuses from the provider when webhooks did not arrive, and a late older webhook changes nothing", async () => {
    const { assessmentId } = await newInterview();
    await inviteVideoCandidates(db, video.client, {
      assessmentId,
      candidates: [{ name: "Fa", email: "fa@example.com" }],
      expiresInDays: 7,
    });
    const attempt = await db.attempt.findFirstOrThrow({ where: { assessmentId } });

    video.emulator.webhooks.hold();
    video.emulator.interviews.advance(attempt.externalKey, "completed");
    expect(await refreshVideoInvitations(db, video.client, assessmentId)).toEqual({ read: 1, updated: 1 });
    const refreshed = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(refreshed).toMatchObject({ status: "completed", resultState: "final" });
    expect(refreshed.traits).not.toBeNull();
    expect(await refreshVideoInvitations(db, video.client, assessmentId)).toEqual({ read: 1, updated: 0 });

    video.emulator.webhooks.release();
    await video.drain();
    const after = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(after).toMatchObject({
      status: "completed",
      resultState: "final",
      score: refreshed.score,
      providerUpdatedAt: refreshed.providerUpdatedAt,
    });
    const outcomes = await db.attemptChange.findMany({ where: { attemptId: attempt.id }, select: { outcome: true } });
    expect(outcomes.map((change) => change.outcome).sort()).toEqual([
      "applied",
      "applied",
      "duplicate",
      "skipped_older",
      "skipped_older",
    ]);
  });
});

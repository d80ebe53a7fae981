// Video provider webhooks end to end over real HTTP: the emulator signs and sends, the app's
// webhook handler verifies, stores and applies. Late, repeated and reordered deliveries.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { videoAdapter } from "@/lib/server/providers/video/adapter";
import type { Invitation } from "../../emulators/video/model";
import { describeEachDatabase } from "../support/databases";
import { startVideoHarness, type VideoHarness } from "../support/video";

const RESULT_FIELDS = {
  status: true,
  resultState: true,
  score: true,
  maxScore: true,
  gradingBand: true,
  aiFeedback: true,
  traits: true,
  media: true,
  questionAnswers: true,
  transcript: true,
  recordingUrl: true,
  reportUrl: true,
  startedAt: true,
  submittedAt: true,
  durationSeconds: true,
  providerUpdatedAt: true,
} as const;

describeEachDatabase("video webhooks", (getDb) => {
  let video: VideoHarness;
  let db: Db;

  beforeAll(async () => {
    db = getDb();
    video = await startVideoHarness(getDb);
  });
  afterAll(async () => {
    await video?.stop();
  });

  function invite(...emails: string[]): Invitation[] {
    const assessment = video.emulator.interviews.createAssessment({
      title: "Support video screen",
      jobTitle: "Support Agent",
      questions: [{ text: "Why support?" }, { text: "A hard call?" }, { text: "A process you improved?" }],
    });
    return video.emulator.interviews.invite(
      assessment,
      emails.map((email) => ({ name: email.split("@")[0]!, email })),
      168,
    );
  }

  const attemptOf = (invitation: Invitation) =>
    db.attempt.findUniqueOrThrow({
      where: { provider_externalKey: { provider: "video", externalKey: invitation.id } },
      select: RESULT_FIELDS,
    });

  /** The completed event's result as the adapter translates it: what in-order delivery ends with. */
  function finalFactsOf(invitation: Invitation) {
    const message = video.emulator.webhooks.deliveries.find(
      (delivery) => delivery.invitationId === invitation.id && delivery.type === "interview.completed",
    );
    const sent = video.emulator.interviews.invitations.get(invitation.id)!;
    const translation = videoAdapter.translate({
      body: { type: "interview.completed", timestamp: sent.updatedAt, data: sent },
      eventType: null,
    });
    if (!message || !translation.recognised || translation.events[0]?.kind !== "attempt.reported")
      throw new Error("no completed event");
    return translation.events[0].facts;
  }

  it("interview.started, partially_scored, completed: the attempt moves along and the result fills in place", async () => {
    const [ada] = invite("ada@example.com");
    video.emulator.interviews.advance(ada!.id, "started");
    await video.drain();
    const started = await attemptOf(ada!);
    expect(started).toMatchObject({ status: "in_progress", resultState: "pending", score: null });
    expect(started.startedAt).toBeInstanceOf(Date);

    video.emulator.interviews.advance(ada!.id, "partially_scored");
    await video.drain();
    const partial = await attemptOf(ada!);
    expect(partial).toMatchObject({ status: "completed", resultState: "partial", score: null, traits: null });
    const partialAnswers = partial.questionAnswers as { marks: number | null }[];
    expect(partialAnswers.filter((answer) => answer.marks !== null).length).toBeGreaterThan(0);
    expect(partialAnswers.filter((answer) => answer.marks === null).length).toBeGreaterThan(0);

    video.emulator.interviews.advance(ada!.id, "completed");
    await video.drain();
    const final = await attemptOf(ada!);
    const facts = finalFactsOf(ada!);
    expect(final).toMatchObject({
      status: "completed",
      resultState: "final",
      score: facts.score,
      maxScore: 100,
      traits: facts.traits,
      media: facts.media,
      questionAnswers: facts.questionAnswers,
      transcript: facts.transcript,
      recordingUrl: facts.recordingUrl,
    });
    expect((final.traits as unknown[]).length).toBeGreaterThan(0);
    // Updated in place: still one attempt for this invitation, with the whole history on its timeline.
    expect(await db.attempt.count({ where: { provider: "video", externalKey: ada!.id } })).toBe(1);
    const timeline = await db.attemptChange.findMany({
      where: { attempt: { externalKey: ada!.id } },
      select: { outcome: true },
    });
    expect(timeline.map((change) => change.outcome)).toEqual(["applied", "applied", "applied"]);
  });

  it("invitation.expired: an invitation nobody started ends expired", async () => {
    const [bo] = invite("bo@example.com");
    video.emulator.interviews.advance(bo!.id, "expired");
    await video.drain();
    expect(await attemptOf(bo!)).toMatchObject({ status: "expired", resultState: "final", score: null });
  });

  it("out of order: events delivered newest first end in the same state as in order", async () => {
    const [inOrder, reversed] = invite("cy@example.com", "di@example.com");
    video.emulator.interviews.advance(inOrder!.id, "completed");
    await video.drain();

    video.emulator.webhooks.hold();
    video.emulator.interviews.advance(reversed!.id, "completed");
    const sent = video.emulator.webhooks.release({ reverse: true });
    expect(sent.map((message) => message.type)).toEqual([
      "interview.completed",
      "interview.partially_scored",
      "interview.started",
    ]);
    await video.drain();

    for (const invitation of [inOrder!, reversed!]) {
      const facts = finalFactsOf(invitation);
      expect(await attemptOf(invitation)).toMatchObject({
        status: "completed",
        resultState: "final",
        score: facts.score,
        traits: facts.traits,
        questionAnswers: facts.questionAnswers,
        media: facts.media,
        transcript: facts.transcript,
        submittedAt: facts.submittedAt,
      });
    }
    const outcomes = await db.attemptChange.findMany({
      where: { attempt: { externalKey: reversed!.id } },
      orderBy: { recordedAt: "asc" },
      select: { outcome: true },
    });
    expect(outcomes.map((change) => change.outcome).sort()).toEqual(["applied", "skipped_older", "skipped_older"]);
  });

  it("duplicates: a retried webhook-id answers 200 and changes nothing; a replay under a new id changes nothing either", async () => {
    const [ed] = invite("ed@example.com");
    video.emulator.interviews.advance(ed!.id, "completed");
    await video.drain();
    const before = await db.attempt.findUniqueOrThrow({
      where: { provider_externalKey: { provider: "video", externalKey: ed!.id } },
    });
    const deliveriesBefore = await db.delivery.count({ where: { provider: "video" } });
    const completed = video.emulator.webhooks.deliveries.find(
      (delivery) => delivery.invitationId === ed!.id && delivery.type === "interview.completed",
    )!;

    await video.emulator.webhooks.redeliver(completed.messageId);
    await video.drain();
    expect(video.emulator.webhooks.deliveries.at(-1)).toMatchObject({ messageId: completed.messageId, outcome: 200 });
    expect(await db.delivery.count({ where: { provider: "video" } })).toBe(deliveriesBefore);

    await video.emulator.webhooks.redeliver(completed.messageId, { asNewMessage: true });
    await video.drain();
    expect(await db.delivery.count({ where: { provider: "video" } })).toBe(deliveriesBefore + 1);
    const after = await db.attempt.findUniqueOrThrow({
      where: { provider_externalKey: { provider: "video", externalKey: ed!.id } },
    });
    expect(after).toEqual(before);
    const last = await db.attemptChange.findFirstOrThrow({
      where: { attemptId: before.id },
      orderBy: { recordedAt: "desc" },
    });
    expect(last.outcome).toBe("duplicate");
  });

  it("every event sent twice in a row still applies once per event", async () => {
    const [fa] = invite("fa@example.com");
    video.emulator.webhooks.hold();
    video.emulator.interviews.advance(fa!.id, "completed");
    video.emulator.webhooks.release({ twice: true });
    await video.drain();
    const changes = await db.attemptChange.findMany({
      where: { attempt: { externalKey: fa!.id } },
      select: { outcome: true },
    });
    expect(changes.map((change) => change.outcome)).toEqual(["applied", "applied", "applied"]);
    expect(await attemptOf(fa!)).toMatchObject({
      status: "completed",
      resultState: "final",
      score: finalFactsOf(fa!).score,
    });
  });

  it("a wrong signature is refused with 401 and nothing is stored; an unknown event type is kept as unrecognised", async () => {
    const body = JSON.stringify({ type: "interview.started", timestamp: new Date().toISOString(), data: {} });
    const stranger = new Webhook(`whsec_${Buffer.from("not the secret at all, 32 bytes!").toString("base64")}`);
    const now = new Date();
    const before = await db.delivery.count();
    const refused = await fetch(video.webhookUrl, {
      method: "POST",
      headers: {
        "webhook-id": "msg_forged",
        "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
        "webhook-signature": stranger.sign("msg_forged", now, body),
      },
      body,
    });
    expect(refused.status).toBe(401);
    expect(await db.delivery.count()).toBe(before);

    const unknown = JSON.stringify({ type: "interview.reviewed", timestamp: now.toISOString(), data: {} });
    const signed = new Webhook(video.webhookSecret).sign("msg_unknown", now, unknown);
    const kept = await fetch(video.webhookUrl, {
      method: "POST",
      headers: {
        "webhook-id": "msg_unknown",
        "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
        "webhook-signature": signed,
      },
      body: unknown,
    });
    expect(kept.status).toBe(202);
    expect(
      await db.delivery.findUniqueOrThrow({
        where: { provider_externalId: { provider: "video", externalId: "msg_unknown" } },
      }),
    ).toMatchObject({
      status: "unrecognised",
      eventType: "interview.reviewed",
    });
  });
});

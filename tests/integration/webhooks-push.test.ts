// The Testlify and assessment-engine endpoints (docs/contract.md §4), bad input first: every refusal
// answers as the contract says and stores nothing; nothing already stored is lost.
import { beforeEach, expect, it } from "vitest";
import { handleWebhook } from "@/lib/server/ingestion/webhooks/handle-webhook";
import { assessmentEngineProvider } from "@/lib/server/providers/assessment-engine/provider";
import { testlifyProvider } from "@/lib/server/providers/testlify/provider";
import { withSecret, type WebhookEndpoint } from "@/lib/server/providers/descriptor";
import { describeEachDatabase } from "../support/databases";
import { fixture, fixtureText } from "../support/fixtures";
import { TEST_WEBHOOK_SECRET, awaitableScheduler, signedRequest } from "../support/webhooks";

const TESTLIFY_URL = "http://hub.test/api/webhooks/testlify";
const ENGINE_URL = "http://hub.test/api/webhooks/assessment-engine";
const testlify = withSecret(testlifyProvider.webhook, TEST_WEBHOOK_SECRET);
const engine = withSecret(assessmentEngineProvider.webhook, TEST_WEBHOOK_SECRET);

describeEachDatabase("push webhooks: Testlify and the assessment engine", (getDb) => {
  let scheduler = awaitableScheduler();
  beforeEach(() => {
    scheduler = awaitableScheduler();
  });

  async function send(request: Request, endpoint: WebhookEndpoint = testlify) {
    const response = await handleWebhook(request, endpoint, getDb(), scheduler.schedule);
    await scheduler.settled();
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const deliveries = () => getDb().delivery.count();

  it("stores and applies a signed Testlify delivery, then answers a redelivery 200 without changing anything", async () => {
    const body = fixtureText("testlify-completed.json");
    const first = await send(signedRequest(TESTLIFY_URL, body, { id: "msg_completed_1", names: "svix" }));
    expect(first).toEqual({ status: 200, body: { status: "accepted", deliveryId: "msg_completed_1" } });
    const stored = await getDb().delivery.findFirstOrThrow({ where: { externalId: "msg_completed_1" } });
    expect(stored).toMatchObject({
      provider: "testlify",
      status: "processed",
      body,
      eventType: "candidate.completed",
      candidateEmail: "candidate@example.com",
    });
    const attempt = await getDb().attempt.findFirstOrThrow({ where: { provider: "testlify" } });
    expect(attempt).toMatchObject({ status: "completed", score: 18, violationCount: 19, integrityFlagged: true });

    // Other tests here send the same candidate's deliveries: count this delivery's lines, and
    // compare the attempt's timeline before and after, so the order tests run in does not matter.
    expect(await getDb().attemptChange.count({ where: { delivery: { externalId: "msg_completed_1" } } })).toBe(1);
    const linesBefore = await getDb().attemptChange.count({ where: { attemptId: attempt.id } });
    const again = await send(signedRequest(TESTLIFY_URL, body, { id: "msg_completed_1", names: "svix" }));
    expect(again).toEqual({ status: 200, body: { status: "duplicate", deliveryId: "msg_completed_1" } });
    expect(await getDb().delivery.count({ where: { externalId: "msg_completed_1" } })).toBe(1);
    expect(await getDb().attemptChange.count({ where: { attemptId: attempt.id } })).toBe(linesBefore);
  });

  it("accepts ?token=<secret> for Testlify, and an identical body again is the same delivery", async () => {
    const body = fixtureText("testlify-enrolled.json");
    const request = () =>
      new Request(`${TESTLIFY_URL}?token=${encodeURIComponent(TEST_WEBHOOK_SECRET)}`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json" },
      });
    expect((await send(request())).status).toBe(200);
    expect((await send(request())).body.status).toBe("duplicate");
    const stored = await getDb().delivery.findFirstOrThrow({ where: { body } });
    expect(stored.externalId).toMatch(/^sha256:/);
    expect(JSON.stringify(stored.headers)).not.toContain("token");
  });

  it("refuses what is not authentic with 401 and stores nothing", async () => {
    const before = await deliveries();
    const body = fixtureText("testlify-invited.json");
    const forged = signedRequest(TESTLIFY_URL, body, {
      secret: `whsec_${Buffer.from("someone else").toString("base64")}`,
    });
    const stale = signedRequest(TESTLIFY_URL, body, { at: new Date(Date.now() - 400_000) });
    const future = signedRequest(TESTLIFY_URL, body, { at: new Date(Date.now() + 400_000) });
    const tampered = signedRequest(TESTLIFY_URL, body);
    const tamperedBody = new Request(TESTLIFY_URL, {
      method: "POST",
      headers: tampered.headers,
      body: body.replace("INVITED", "COMPLETED"),
    });
    const unsigned = new Request(TESTLIFY_URL, {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
    });
    const noId = signedRequest(TESTLIFY_URL, body);
    noId.headers.delete("webhook-id");
    const wrongToken = new Request(`${TESTLIFY_URL}?token=guess`, { method: "POST", body });

    for (const request of [forged, stale, future, tamperedBody, unsigned, noId, wrongToken]) {
      const answer = await send(request);
      expect(answer.status).toBe(401);
      expect(answer.body.error).toEqual(expect.any(String));
    }
    expect(await deliveries()).toBe(before);
  });

  it("says which header is missing, and why a stale signature was refused", async () => {
    const body = fixtureText("testlify-invited.json");
    const noTimestamp = signedRequest(TESTLIFY_URL, body);
    noTimestamp.headers.delete("webhook-timestamp");
    expect((await send(noTimestamp)).body.error).toMatch(/missing webhook-id or webhook-timestamp/);
    const stale = await send(signedRequest(TESTLIFY_URL, body, { at: new Date(Date.now() - 3_600_000) }));
    expect(stale.body.error).toMatch(/too old/);
  });

  it("accepts one valid signature among several (key rotation)", async () => {
    const body = JSON.stringify({ ...fixture("testlify-invited.json"), timestamp: 1712041324999 });
    const request = signedRequest(TESTLIFY_URL, body);
    request.headers.set("webhook-signature", `v1,bm90LXRoZS1zaWduYXR1cmU= ${request.headers.get("webhook-signature")}`);
    expect((await send(request)).status).toBe(200);
  });

  it("answers 503 naming the setting when no secret is configured, storing nothing", async () => {
    const before = await deliveries();
    const answer = await send(
      signedRequest(ENGINE_URL, fixtureText("ae-test-instance-created.json")),
      withSecret(assessmentEngineProvider.webhook, undefined),
    );
    expect(answer).toEqual({
      status: 503,
      body: { error: "not configured: set AE_WEBHOOK_SECRET to enable this endpoint" },
    });
    expect(await deliveries()).toBe(before);
  });

  it("answers 413 above 1 MiB, declared or not, storing nothing", async () => {
    const before = await deliveries();
    const huge = JSON.stringify({ data: { padding: "x".repeat(1024 * 1024) } });
    expect((await send(signedRequest(TESTLIFY_URL, huge))).status).toBe(413);
    // No Content-Length (chunked): the cap holds while reading.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 17; i += 1) controller.enqueue(new Uint8Array(64 * 1024).fill(32));
        controller.close();
      },
    });
    const streamed = new Request(TESTLIFY_URL, { method: "POST", body: chunks, duplex: "half" } as RequestInit);
    expect((await send(streamed)).status).toBe(413);
    expect(await deliveries()).toBe(before);
  });

  it("answers 400 to a signed body that is not JSON, storing nothing", async () => {
    const before = await deliveries();
    for (const body of ["<xml>nope</xml>", "", '{"data": {"email": ']) {
      expect((await send(signedRequest(TESTLIFY_URL, body))).status).toBe(400);
    }
    expect(await deliveries()).toBe(before);
  });

  it("keeps a JSON body sent with the wrong content type", async () => {
    const body = JSON.stringify({ ...fixture("testlify-in-progress.json"), timestamp: 1712041409999 });
    const answer = await send(signedRequest(TESTLIFY_URL, body, { headers: { "content-type": "text/plain" } }));
    expect(answer.status).toBe(200);
    expect(await getDb().delivery.findFirst({ where: { body } })).toMatchObject({ status: "processed" });
  });

  it("keeps an unknown event with 202 as unrecognised, for replay after a fix", async () => {
    const body = JSON.stringify({
      type: "candidate",
      event: "shortlisted",
      data: { ...fixture<{ data: object }>("testlify-completed.json").data, candidateStatus: "SHORTLISTED" },
    });
    const answer = await send(signedRequest(TESTLIFY_URL, body));
    expect(answer).toMatchObject({
      status: 202,
      body: { status: "unrecognised", reason: 'unknown Testlify candidate status "SHORTLISTED"' },
    });
    expect(await getDb().delivery.findFirst({ where: { body } })).toMatchObject({
      status: "unrecognised",
      eventType: "candidate.shortlisted",
    });

    const bare = await send(signedRequest(ENGINE_URL, fixtureText("ae-test-instance-created.json")), engine);
    expect(bare).toMatchObject({ status: 202, body: { reason: expect.stringContaining("x-event-type") } });
  });

  it("accepts a known event with unusable fields, then marks it failed with the field named", async () => {
    const completed = fixture<{ data: Record<string, unknown> }>("testlify-completed.json");
    delete completed.data.email;
    const body = JSON.stringify(completed);
    expect((await send(signedRequest(TESTLIFY_URL, body))).status).toBe(200);
    const stored = await getDb().delivery.findFirstOrThrow({ where: { body } });
    expect(stored.status).toBe("failed");
    expect(stored.error).toMatch(/cannot translate: .*email is missing/);
  });

  it("keeps HTML and script in provider text as text, byte for byte", async () => {
    const invited = fixture<{ data: Record<string, unknown>; timestamp: number }>("testlify-invited.json");
    Object.assign(invited.data, {
      email: "xss@example.com",
      firstName: "<script>alert('x')</script>",
      lastName: "<b>Bold</b>",
    });
    const body = JSON.stringify(invited);
    expect((await send(signedRequest(TESTLIFY_URL, body))).status).toBe(200);
    expect((await getDb().delivery.findFirstOrThrow({ where: { candidateEmail: "xss@example.com" } })).body).toBe(body);
    const candidate = await getDb().candidate.findUniqueOrThrow({ where: { email: "xss@example.com" } });
    expect(candidate.name).toBe("<script>alert('x')</script> <b>Bold</b>");
  });

  it("takes the engine's bare instance with x-event-type and the {event, data} envelope, newest updated_at winning", async () => {
    const instance = fixture<Record<string, unknown> & { candidate: object }>("ae-test-instance-created.json");
    // Its own person: candidates are matched by email across providers.
    instance.candidate = { ...instance.candidate, email: "jane.doe@example.com" };
    const created = await send(
      signedRequest(ENGINE_URL, JSON.stringify(instance), { headers: { "x-event-type": "ae.test_instance.created" } }),
      engine,
    );
    expect(created.status).toBe(200);
    const completed = { ...instance, instance_status: "completed", score: 74, updated_at: "2023-11-05T11:00:00Z" };
    expect(
      (
        await send(
          signedRequest(ENGINE_URL, JSON.stringify({ event: "ae.test_instance.updated", data: completed })),
          engine,
        )
      ).status,
    ).toBe(200);
    // A late copy of an in-between update changes nothing shown.
    const late = { ...instance, instance_status: "in_progress", updated_at: "2023-11-05T10:30:00Z" };
    expect(
      (await send(signedRequest(ENGINE_URL, JSON.stringify({ event: "ae.test_instance.updated", data: late })), engine))
        .status,
    ).toBe(200);

    const attempt = await getDb().attempt.findUniqueOrThrow({
      where: { provider_externalKey: { provider: "assessment-engine", externalKey: "test-instance:789" } },
      include: { candidate: true, assessment: true, changes: { orderBy: { recordedAt: "asc" } } },
    });
    expect(attempt).toMatchObject({
      status: "completed",
      score: 74,
      providerUpdatedAt: new Date("2023-11-05T11:00:00Z"),
    });
    expect(attempt.candidate).toMatchObject({ name: "Jane Marie Doe", phone: "+19876543210", country: "USA" });
    expect(attempt.assessment).toMatchObject({ name: "Python Proficiency Test", details: { level: "intermediate" } });
    expect(attempt.changes.map((change) => change.outcome)).toEqual(["applied", "applied", "skipped_older"]);
  });
});

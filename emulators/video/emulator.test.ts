// The emulator keeps to docs/video-provider-api.md: auth, validation, idempotency, faults,
// pagination, and signed webhooks for every stage.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startVideoEmulator, type VideoEmulator } from "./emulator";
import { generateWebhookSecret } from "../shared/secrets";

const apiKey = "vi_test_key_0123456789";
const secret = generateWebhookSecret();
let emulator: VideoEmulator;
let receiver: Server;
const received: { headers: Record<string, string>; body: string }[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers as Record<string, string>, body });
      response.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  emulator = await startVideoEmulator({
    apiKey,
    webhookSecret: secret,
    webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
    autoProgress: false,
    seed: 7,
  });
});

afterAll(async () => {
  await emulator.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

afterEach(() => {
  Object.assign(emulator.faults, { down: false, failNext: 0, slowNext: 0, slowMs: 0 });
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const assessmentInput = {
  title: "Support screen",
  jobTitle: "Support Agent",
  questions: [{ text: "Why support?" }, { text: "A hard call?" }],
};

describe("video emulator API", () => {
  it("refuses a missing or wrong API key", async () => {
    const response = await fetch(`${emulator.url}/v1/assessments`);
    expect(response.status).toBe(401);
    expect((await call("GET", "/v1/account", undefined, { authorization: "Bearer nope" })).status).toBe(401);
  });

  it("creates, reads and lists assessments, newest first, page by page", async () => {
    const created = await call("POST", "/v1/assessments", assessmentInput);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: "Support screen", jobTitle: "Support Agent", answerTimeSeconds: 120 });
    expect(created.body.questions.map((question: any) => question.id)).toEqual(["q_1", "q_2"]);
    const second = await call("POST", "/v1/assessments", { ...assessmentInput, title: "Second" });
    expect((await call("GET", `/v1/assessments/${created.body.id}`)).body).toEqual(created.body);
    const first = await call("GET", "/v1/assessments?limit=1");
    expect(first.body.data[0].id).toBe(second.body.id);
    const next = await call("GET", `/v1/assessments?limit=1&cursor=${first.body.nextCursor}`);
    expect(next.body.data[0].id).toBe(created.body.id);
  });

  it("answers 422 with details for a body that breaks the rules", async () => {
    const response = await call("POST", "/v1/assessments", { title: "", questions: [] });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("validation_failed");
    expect(response.body.error.details.map((detail: any) => detail.path)).toEqual(
      expect.arrayContaining(["title", "questions"]),
    );
  });

  it("invites several candidates and reports each invitation's status", async () => {
    const assessment = (await call("POST", "/v1/assessments", assessmentInput)).body;
    const invited = await call("POST", `/v1/assessments/${assessment.id}/invitations`, {
      candidates: [
        { name: "Ada", email: "ada@example.com" },
        { name: "Bo", email: "bo@example.com" },
      ],
      expiresInHours: 48,
    });
    expect(invited.status).toBe(201);
    expect(invited.body.data).toHaveLength(2);
    const [ada] = invited.body.data;
    expect(ada).toMatchObject({ status: "invited", candidate: { email: "ada@example.com" }, result: null });
    expect(ada.candidateUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/i\//);
    expect((await call("GET", `/v1/invitations/${ada.id}`)).body.status).toBe("invited");
    const listed = await call("GET", `/v1/assessments/${assessment.id}/invitations`);
    expect(listed.body.data.map((invitation: any) => invitation.id).sort()).toEqual(
      invited.body.data.map((invitation: any) => invitation.id).sort(),
    );
    expect((await call("GET", "/v1/invitations/inv_missing")).status).toBe(404);
  });

  it("replays a POST with the same Idempotency-Key instead of inviting twice", async () => {
    const assessment = (await call("POST", "/v1/assessments", assessmentInput)).body;
    const body = { candidates: [{ name: "Cy", email: "cy@example.com" }] };
    const path = `/v1/assessments/${assessment.id}/invitations`;
    const first = await call("POST", path, body, { "idempotency-key": "k-1" });
    const again = await call("POST", path, body, { "idempotency-key": "k-1" });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect((await call("GET", `${path}`)).body.data).toHaveLength(1);
    const reused = await call(
      "POST",
      path,
      { candidates: [{ name: "Di", email: "di@example.com" }] },
      { "idempotency-key": "k-1" },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("idempotency_key_reused");
  });

  it("answers 503 and does nothing while down; does the work but answers late when slow", async () => {
    emulator.faults.down = true;
    const before = emulator.interviews.assessments.size;
    expect((await call("POST", "/v1/assessments", assessmentInput)).status).toBe(503);
    expect(emulator.interviews.assessments.size).toBe(before);
    emulator.faults.down = false;

    Object.assign(emulator.faults, { slowNext: 1, slowMs: 300 });
    const controller = AbortSignal.timeout(50);
    await expect(
      fetch(`${emulator.url}/v1/assessments`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(assessmentInput),
        signal: controller,
      }),
    ).rejects.toThrow();
    expect(emulator.interviews.assessments.size).toBe(before + 1);
  });

  it("signs a webhook per stage with Standard Webhooks, the invitation as of the event in data", async () => {
    const assessment = (await call("POST", "/v1/assessments", assessmentInput)).body;
    const [invitation] = (
      await call("POST", `/v1/assessments/${assessment.id}/invitations`, {
        candidates: [{ name: "Ed", email: "ed@example.com" }],
      })
    ).body.data;
    received.length = 0;
    emulator.interviews.advance(invitation.id, "completed");
    await emulator.webhooks.settle();
    const verifier = new Webhook(secret);
    const events = received.map((delivery) => verifier.verify(delivery.body, delivery.headers) as any);
    expect(events.map((event) => event.type)).toEqual([
      "interview.started",
      "interview.partially_scored",
      "interview.completed",
    ]);
    expect(events.map((event) => event.data.status)).toEqual(["started", "partially_scored", "completed"]);
    const timestamps = events.map((event) => Date.parse(event.timestamp));
    expect([...timestamps].sort((a, b) => a - b)).toEqual(timestamps);
    expect(new Set(timestamps).size).toBe(3);
    expect(events[1].data.result).toMatchObject({ state: "partial", overallScore: null, traits: [] });
    const final = events[2].data.result;
    expect(final).toMatchObject({ state: "final", maxScore: 100 });
    expect(final.overallScore).toBeGreaterThanOrEqual(0);
    expect(final.traits.length).toBeGreaterThan(0);
    expect(final.answers.every((answer: any) => answer.recordingUrl)).toBe(true);
  });

  it("serves each recording as playable audio", async () => {
    const assessment = (await call("POST", "/v1/assessments", assessmentInput)).body;
    const [invitation] = (
      await call("POST", `/v1/assessments/${assessment.id}/invitations`, {
        candidates: [{ name: "Hu", email: "hu@example.com" }],
      })
    ).body.data;
    emulator.interviews.advance(invitation.id, "completed");
    const { recordingUrl } = (await call("GET", `/v1/invitations/${invitation.id}`)).body.result;
    const recording = await fetch(recordingUrl);
    expect(recording.headers.get("content-type")).toBe("audio/wav");
    const bytes = Buffer.from(await recording.arrayBuffer());
    expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(bytes.subarray(8, 12).toString("ascii")).toBe("WAVE");
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it("expires an invitation that was never submitted, and not one that was", async () => {
    const assessment = (await call("POST", "/v1/assessments", assessmentInput)).body;
    const [open, submitted] = (
      await call("POST", `/v1/assessments/${assessment.id}/invitations`, {
        candidates: [
          { name: "Fa", email: "fa@example.com" },
          { name: "Gu", email: "gu@example.com" },
        ],
      })
    ).body.data;
    emulator.interviews.advance(submitted.id, "partially_scored");
    emulator.interviews.advance(open.id, "expired");
    emulator.interviews.advance(submitted.id, "expired");
    expect((await call("GET", `/v1/invitations/${open.id}`)).body.status).toBe("expired");
    expect((await call("GET", `/v1/invitations/${submitted.id}`)).body.status).toBe("partially_scored");
  });
});

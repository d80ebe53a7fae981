// The client against the emulator over real HTTP: typed errors with messages that say what
// to do, retries only where a retry cannot act twice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startVideoEmulator, type VideoEmulator } from "../../../../emulators/video/emulator";
import { generateWebhookSecret } from "../../../../emulators/shared/secrets";
import { VideoClient } from "./client";
import { VideoProviderError } from "./errors";

const apiKey = "vi_client_test_0123456789";
let emulator: VideoEmulator;
let client: VideoClient;

beforeAll(async () => {
  emulator = await startVideoEmulator({ apiKey, webhookSecret: generateWebhookSecret(), autoProgress: false });
  client = new VideoClient({
    apiUrl: emulator.url,
    apiKey,
    timeoutMs: 300,
    retries: 2,
    retryDelayMs: 1,
    maxRetryAfterMs: 1,
  });
});
afterAll(async () => {
  await emulator.stop();
});
afterEach(() => {
  Object.assign(emulator.faults, { down: false, failNext: 0, slowNext: 0, slowMs: 0 });
});

const input = { title: "Screen", jobTitle: null, answerTimeSeconds: 60, questions: [{ text: "Why?" }] };

async function failure(promise: Promise<unknown>): Promise<VideoProviderError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(VideoProviderError);
  return error as VideoProviderError;
}

describe("VideoClient", () => {
  it("creates, invites, and reads back an invitation, keeping the raw invitation for the inbox", async () => {
    const assessment = await client.createAssessment(input, "key-create-1");
    const [invited] = await client.inviteCandidates(
      assessment.id,
      { candidates: [{ name: "Ada", email: "ada@example.com" }], expiresInHours: 24 },
      "key-invite-1",
    );
    expect(invited!.invitation).toMatchObject({ status: "invited", candidate: { email: "ada@example.com" } });
    const read = await client.getInvitation(invited!.invitation.id);
    expect(read.raw).toEqual(invited!.raw);
    expect(await client.listAllInvitations(assessment.id)).toHaveLength(1);
  });

  it("a wrong API key is unauthorized, not retried, and names the setting to check", async () => {
    const wrong = new VideoClient({ apiUrl: emulator.url, apiKey: "nope", retryDelayMs: 1 });
    const calls = emulator.apiCalls();
    const error = await failure(wrong.getAccount());
    expect(error.kind).toBe("unauthorized");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("VIDEO_API_KEY");
    expect(emulator.apiCalls() - calls).toBe(1);
  });

  it("a request the provider rejects says why, field by field", async () => {
    const error = await failure(client.createAssessment({ ...input, questions: [] }, "key-bad"));
    expect(error.kind).toBe("rejected");
    expect(error.message).toMatch(/questions: /);
  });

  it("retries a 5xx and succeeds when the provider recovers", async () => {
    emulator.faults.failNext = 2;
    await expect(client.getAccount()).resolves.toMatchObject({ name: expect.any(String) });
  });

  it("never retries a POST without an idempotency key", async () => {
    const unkeyed = new VideoClient({ apiUrl: emulator.url, apiKey, retries: 3, retryDelayMs: 1 });
    emulator.faults.failNext = 1;
    const calls = emulator.apiCalls();
    await failure(unkeyed.createAssessment(input, ""));
    expect(emulator.apiCalls() - calls).toBe(1);
  });

  it("a provider that stays down is unavailable and retryable, with the HTTP status", async () => {
    emulator.faults.down = true;
    const error = await failure(client.getAccount());
    expect(error).toMatchObject({ kind: "unavailable", retryable: true });
    expect(error.message).toMatch(/unavailable right now \(HTTP 503/);
  });

  it("an answer that never comes is a timeout, in seconds", async () => {
    Object.assign(emulator.faults, { slowNext: 3, slowMs: 1_000 });
    const error = await failure(client.getAccount());
    expect(error.message).toContain("no answer from 127.0.0.1");
    expect(error.message).toContain("within 0.3 s");
  });
});

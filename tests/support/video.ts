// The video provider over real HTTP for integration tests: the emulator on a random loopback
// port, and the app's real webhook handler served on another, writing to the test database.
// `drain()` waits until every webhook sent so far has been answered and processed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@/lib/server/db";
import { handleWebhook } from "@/lib/server/ingestion/webhooks/handle-webhook";
import { videoProvider } from "@/lib/server/providers/video/provider";
import { withSecret } from "@/lib/server/providers/descriptor";
import { VideoClient } from "@/lib/server/providers/video/client";
import { startVideoEmulator, type VideoEmulator } from "../../emulators/video/emulator";
import { generateWebhookSecret } from "../../emulators/shared/secrets";

export interface VideoHarness {
  emulator: VideoEmulator;
  /** A client with short timeouts and one retry, so fault tests finish quickly. */
  client: VideoClient;
  apiKey: string;
  webhookSecret: string;
  webhookUrl: string;
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export async function startVideoHarness(db: () => Db): Promise<VideoHarness> {
  const apiKey = "vi_test_0123456789abcdef";
  const webhookSecret = generateWebhookSecret();
  const processing: Promise<unknown>[] = [];
  const endpoint = withSecret(videoProvider.webhook, webhookSecret);

  const app: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const request = new Request(`http://127.0.0.1${incoming.url}`, {
        method: incoming.method,
        headers: incoming.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      handleWebhook(request, endpoint, db(), (task) => void processing.push(task()))
        .then(async (response) => {
          outgoing.writeHead(response.status, { "content-type": "application/json" });
          outgoing.end(await response.text());
        })
        .catch((error: unknown) => {
          outgoing.writeHead(500);
          outgoing.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/webhooks/video`;

  const emulator = await startVideoEmulator({
    apiKey,
    webhookSecret,
    webhookUrl,
    autoProgress: false,
    seed: 11,
    retryDelaysMs: [],
  });
  const client = new VideoClient({
    apiUrl: emulator.url,
    apiKey,
    timeoutMs: 400,
    retries: 1,
    retryDelayMs: 10,
    maxRetryAfterMs: 10,
  });

  return {
    emulator,
    client,
    apiKey,
    webhookSecret,
    webhookUrl,
    async drain() {
      await emulator.webhooks.settle();
      while (processing.length > 0) await Promise.all(processing.splice(0));
    },
    async stop() {
      await emulator.stop();
      await new Promise((resolve) => app.close(resolve));
    },
  };
}

// Testlify and assessment-engine traffic for `npm run demo`: two fresh webhook secrets for the
// app, then, once it is up, a stream of signed deliveries — a history of candidates at once,
// then new candidates progressing live, with the late, repeated and unknown deliveries real
// providers send.
import type { DemoService } from "../demo-service";
import { generateWebhookSecret } from "../shared/secrets";
import { planStream } from "./plan";
import { WebhookSender } from "./sender";

export function webhookSenderDemoService(
  options: { history?: number; live?: number; liveSpreadMs?: number; stepMs?: number } = {},
): DemoService {
  const secrets = { testlify: generateWebhookSecret(), engine: generateWebhookSecret() };
  let sender: WebhookSender | null = null;
  return {
    name: "Testlify and assessment-engine webhooks",
    async start() {
      return { TESTLIFY_WEBHOOK_SECRET: secrets.testlify, AE_WEBHOOK_SECRET: secrets.engine };
    },
    async afterAppReady(appUrl) {
      const plan = planStream({
        startedAt: Date.now(),
        history: options.history ?? 14,
        live: options.live ?? 30,
        liveSpreadMs: options.liveSpreadMs ?? 20 * 60_000,
        stepMs: options.stepMs ?? 40_000,
      });
      sender = new WebhookSender(appUrl, secrets, (problem) => console.warn(`webhook emulator: ${problem}`));
      sender.start(plan.deliveries);
    },
    async stop() {
      sender?.stop();
    },
  };
}

// Runs the video interview emulator on its own:
//   npx tsx emulators/video/server.ts
// Settings (all optional): VIDEO_EMULATOR_PORT (default 4310), VIDEO_API_KEY and
// VIDEO_WEBHOOK_SECRET (generated and printed when unset), VIDEO_WEBHOOK_URL (where webhooks
// go; also settable with PUT /v1/webhook-endpoint), VIDEO_EMULATOR_STEP_MS (default 15000).
import { startVideoEmulator } from "./emulator";
import { generateApiKey, generateWebhookSecret } from "../shared/secrets";

async function main() {
  const apiKey = process.env.VIDEO_API_KEY || generateApiKey();
  const webhookSecret = process.env.VIDEO_WEBHOOK_SECRET || generateWebhookSecret();
  const emulator = await startVideoEmulator({
    apiKey,
    webhookSecret,
    webhookUrl: process.env.VIDEO_WEBHOOK_URL || null,
    port: Number(process.env.VIDEO_EMULATOR_PORT ?? 4310),
    stepMs: Number(process.env.VIDEO_EMULATOR_STEP_MS ?? 15_000),
    noShowRate: 0.15,
    dropOutRate: 0.1,
    chaos: { duplicateRate: 0.15, lateRate: 0.2 },
    log: (line) => console.log(line),
  });
  console.log(
    [
      `Video interview emulator on ${emulator.url}`,
      `  VIDEO_API_URL=${emulator.url}`,
      `  VIDEO_API_KEY=${apiKey}`,
      `  VIDEO_WEBHOOK_SECRET=${webhookSecret}`,
      `  webhooks to: ${emulator.webhooks.url ?? "(none yet: PUT /v1/webhook-endpoint or set VIDEO_WEBHOOK_URL)"}`,
      '  faults: POST /_emulator/faults {"down": true} · state: GET /_emulator/state',
    ].join("\n"),
  );
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`video emulator: ${(error as Error).message}`);
  process.exit(1);
});

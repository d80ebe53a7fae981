// Starts the video interview emulator for the browser tests (the app reaches it through
// VIDEO_API_URL in settings.ts) and sends its webhooks to the app under test. Candidates
// move through the interview within a few seconds, without chaos, so tests stay steady.
import { startVideoEmulator } from "../../../emulators/video/emulator";
import { E2E } from "./settings";

export default async function videoEmulatorSetup() {
  const emulator = await startVideoEmulator({
    apiKey: E2E.videoEmulator.apiKey,
    webhookSecret: E2E.videoEmulator.webhookSecret,
    webhookUrl: `${E2E.baseUrl}/api/webhooks/video`,
    port: E2E.videoEmulator.port,
    stepMs: 400,
    retryDelaysMs: [500, 1_000, 2_000],
  });
  return async () => {
    await emulator.stop();
  };
}

// Starts the SmartAI emulator for the browser tests (the app polls it through the
// ASSESSMENT_* settings in settings.ts) with a small backlog and a steady trickle of events.
import { startSmartAiEmulator } from "../../../emulators/smartai/server";
import { E2E } from "./settings";

export default async function smartAiEmulatorSetup() {
  const emulator = await startSmartAiEmulator({
    port: E2E.smartAiEmulator.port,
    apiKey: E2E.smartAiEmulator.apiKey,
    secretKey: E2E.smartAiEmulator.secretKey,
    seed: 99,
  });
  emulator.preload(30);
  emulator.startTraffic(2_000);
  return async () => {
    await emulator.close();
  };
}

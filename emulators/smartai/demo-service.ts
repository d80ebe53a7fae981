// `npm run demo`: SmartAI's emulator with a backlog to drain, new results every few seconds,
// and now and then a 5xx, a 429 or a dropped connection, as from the real platform.
import { DEMO_SMARTAI_API_URL } from "../../lib/config/settings";
import type { DemoService } from "../demo-service";
import { SmartAiEmulator } from "./server";

const DEMO_PORT = Number(new URL(DEMO_SMARTAI_API_URL).port);

export function smartAiDemoService(): DemoService {
  let emulator: SmartAiEmulator | undefined;
  return {
    name: "SmartAI poll queue",
    async start() {
      emulator = await listenPreferring(DEMO_PORT);
      emulator.preload(60);
      emulator.startTraffic(6_000);
      emulator.faults.randomRate = 0.02;
      console.log(`demo: SmartAI emulator on ${emulator.url} (${emulator.queue.size} events queued)`);
      return {
        ASSESSMENT_API_URL: emulator.url,
        ASSESSMENT_API_KEY: emulator.apiKey,
        ASSESSMENT_SECRET_KEY: emulator.secretKey,
        // Results show up within seconds in the demo; production's default stays 30 s.
        ASSESSMENT_POLL_INTERVAL_MS: process.env.ASSESSMENT_POLL_INTERVAL_MS ?? "10000",
      };
    },
    async stop() {
      await emulator?.close();
    },
  };
}

/** The usual port when it is free, so the URL is the documented default; any port otherwise. */
async function listenPreferring(port: number): Promise<SmartAiEmulator> {
  const preferred = new SmartAiEmulator({ port });
  try {
    await preferred.listen();
    return preferred;
  } catch {
    const fallback = new SmartAiEmulator({ port: 0 });
    await fallback.listen();
    return fallback;
  }
}

// Starting the SmartAI poller at boot: once per process, never waiting on SmartAI, and off
// (saying why) when it cannot or should not run.
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { localSmartAiPoller } from "@/lib/server/providers/smartai/poller/local-poller";
import { startSmartAiPoller, stopSmartAiPoller } from "@/lib/server/providers/smartai/poller/start";
import { describeEachDatabase } from "../support/databases";
import { resetSyncTables, startSmartAiEmulator, type SmartAiEmulator } from "../support/smartai";

let emulator: SmartAiEmulator;
beforeAll(async () => {
  emulator = await startSmartAiEmulator();
});
afterAll(async () => {
  await emulator.close();
});
afterEach(async () => {
  await stopSmartAiPoller();
  emulator.faults.clear();
  emulator.requests.length = 0;
});

const configured = () =>
  parseSettings({
    ASSESSMENT_API_URL: emulator.url,
    ASSESSMENT_API_KEY: emulator.apiKey,
    ASSESSMENT_SECRET_KEY: emulator.secretKey,
  });

describeEachDatabase("starting the SmartAI poller", (getDb) => {
  it("does not wait for SmartAI, and starts only once per process", async () => {
    await resetSyncTables(getDb());
    emulator.faults.inject({ kind: "slow", delayMs: 1_500 });
    await startSmartAiPoller(configured(), getDb());
    // Started, but the first (slow) poll has not been answered: start did not wait for it.
    expect(emulator.requests).toHaveLength(0);
    const first = localSmartAiPoller();
    expect(first?.poller).not.toBeNull();
    await startSmartAiPoller(configured(), getDb());
    expect(localSmartAiPoller()).toBe(first);
  });

  it("stays off without credentials, saying which setting is missing", async () => {
    await startSmartAiPoller(parseSettings({}), getDb());
    expect(localSmartAiPoller()).toMatchObject({
      poller: null,
      offReason: "SmartAI is not configured: set ASSESSMENT_API_KEY",
    });
  });

  it("stays off when switched off on this instance", async () => {
    const switchedOff = parseSettings({
      POLLER_ENABLED: "false",
      ASSESSMENT_API_KEY: "k",
      ASSESSMENT_SECRET_KEY: "s",
      ASSESSMENT_API_URL: emulator.url,
    });
    await startSmartAiPoller(switchedOff, getDb());
    expect(localSmartAiPoller()?.offReason).toMatch(/POLLER_ENABLED=false/);
  });
});

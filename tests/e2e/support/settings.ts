// The one place the browser tests' server settings live: a fresh SQLite file per run,
// known admin credentials, and the built-in emulators' secrets.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const port = Number(process.env.E2E_PORT ?? 3211);
// The runner picks the folder once, as it loads this config and before the web server starts
// (Playwright starts it before globalSetup, so cleaning up there would pull the database from
// under it). Workers are other processes (other pids): the choice reaches them through the
// environment, so a test that seeds the database finds the server's.
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = join(tmpdir(), `hub-e2e-${process.pid}`);
  rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
}
const dataDir = process.env.E2E_DATA_DIR;

// The video interview emulator runs beside the app on a port derived from the app's, so
// parallel runs with their own E2E_PORT do not collide (started in video-emulator-setup.ts).
const videoEmulator = {
  port: port + 1000,
  url: `http://127.0.0.1:${port + 1000}`,
  apiKey: "vi_e2e_0123456789abcdef0123",
  webhookSecret: `whsec_${Buffer.from("e2e video webhook secret, 32 b!!").toString("base64")}`,
};

// The SmartAI poll-queue emulator, likewise (started in smartai-emulator-setup.ts).
const smartAiEmulator = {
  port: port + 1100,
  url: `http://127.0.0.1:${port + 1100}`,
  apiKey: "wc_ak_test_e2e_0123456789abcdef",
  secretKey: "wc_sk_test_e2e_secret_0123456789abcdef0123",
};

// Testlify and the assessment engine push to the app: their secrets, to sign test deliveries.
const webhooks = {
  testlifySecret: `whsec_${Buffer.from("e2e testlify webhook secret 32b!").toString("base64")}`,
  engineSecret: `whsec_${Buffer.from("e2e engine webhook secret, 32 b!").toString("base64")}`,
};

export const E2E = {
  port,
  videoEmulator,
  smartAiEmulator,
  webhooks,
  baseUrl: `http://127.0.0.1:${port}`,
  dataDir,
  admin: { email: "admin@e2e.test", password: "e2e-admin-password" },
  apiToken: "e2e-api-token-0123456789abcdef",
  serverEnv: {
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `file:${join(dataDir, "e2e.db")}`,
    AUTH_SECRET: "e2e-auth-secret-that-is-long-enough-0123456789",
    ADMIN_EMAIL: "admin@e2e.test",
    ADMIN_PASSWORD: "e2e-admin-password",
    API_TOKEN: "e2e-api-token-0123456789abcdef",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
    VIDEO_API_URL: videoEmulator.url,
    VIDEO_API_KEY: videoEmulator.apiKey,
    VIDEO_WEBHOOK_SECRET: videoEmulator.webhookSecret,
    ASSESSMENT_API_URL: smartAiEmulator.url,
    ASSESSMENT_API_KEY: smartAiEmulator.apiKey,
    ASSESSMENT_SECRET_KEY: smartAiEmulator.secretKey,
    ASSESSMENT_POLL_INTERVAL_MS: "5000",
    TESTLIFY_WEBHOOK_SECRET: webhooks.testlifySecret,
    AE_WEBHOOK_SECRET: webhooks.engineSecret,
  } as Record<string, string>,
};

// The one place the browser tests' server settings live: free ports, a fresh SQLite file
// and a fresh PostgreSQL database per run, known admin credentials, and the built-in
// emulators' secrets. The runner decides each of these once, as it loads the config, and
// passes its choice to the workers (other processes that load this file again) through
// the environment: E2E_PORTS, E2E_DATA_DIR, E2E_POSTGRES_DATABASE.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { postgresAdminUrl, postgresSkipped } from "../../support/postgres";
import { sharedFreePorts } from "./free-ports";

const [port, postgresPort, videoPort, smartAiPort] = sharedFreePorts("E2E_PORTS", 4) as [
  number,
  number,
  number,
  number,
];

// Playwright starts the web servers before globalSetup, so the folder is made fresh here;
// global-setup.ts clears it away once the run is over.
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = join(tmpdir(), `hub-e2e-${process.pid}`);
  rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
}
const dataDir = process.env.E2E_DATA_DIR;

// The video interview emulator runs beside the app (started in video-emulator-setup.ts).
const videoEmulator = {
  port: videoPort,
  url: `http://127.0.0.1:${videoPort}`,
  apiKey: "vi_e2e_0123456789abcdef0123",
  webhookSecret: `whsec_${Buffer.from("e2e video webhook secret, 32 b!!").toString("base64")}`,
};

// The SmartAI poll-queue emulator, likewise (started in smartai-emulator-setup.ts).
const smartAiEmulator = {
  port: smartAiPort,
  url: `http://127.0.0.1:${smartAiPort}`,
  apiKey: "wc_ak_test_e2e_0123456789abcdef",
  secretKey: "wc_sk_test_e2e_secret_0123456789abcdef0123",
};

// Testlify and the assessment engine push to the app: their secrets, to sign test deliveries.
const webhooks = {
  testlifySecret: `whsec_${Buffer.from("e2e testlify webhook secret 32b!").toString("base64")}`,
  engineSecret: `whsec_${Buffer.from("e2e engine webhook secret, 32 b!").toString("base64")}`,
};

const serverEnv = {
  PORT: String(port),
  APP_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: `file:${join(dataDir, "e2e.db")}`,
  AUTH_SECRET: "e2e-auth-secret-that-is-long-enough-0123456789",
  ADMIN_EMAIL: "admin@e2e.test",
  ADMIN_PASSWORD: "e2e-admin-password",
  API_TOKEN: "e2e-api-token-0123456789abcdef",
  // As behind one proxy: the rate-limit specs stand in for several clients by naming their
  // address in X-Forwarded-For (without a proxy hop the app believes only the connection).
  TRUSTED_PROXY_HOPS: "1",
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
} satisfies Record<string, string>;

export const POSTGRES_DATABASE_PREFIX = "hub_e2e_";

/**
 * The same app on a fresh PostgreSQL database, for the smoke walk (smoke.spec.ts). Its poller
 * stays off: the SmartAI emulator's queue belongs to the SQLite server's tests. Null when
 * SKIP_POSTGRES=1.
 */
function postgresServer() {
  if (postgresSkipped()) return null;
  if (!process.env.E2E_POSTGRES_DATABASE) {
    // The creation time in the name lets a later run clear databases a failed run left behind.
    process.env.E2E_POSTGRES_DATABASE = `${POSTGRES_DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString("hex")}`;
  }
  const adminUrl = postgresAdminUrl();
  let databaseUrl: URL;
  try {
    databaseUrl = new URL(adminUrl);
  } catch {
    throw new Error('TEST_DATABASE_URL must be a URL such as "postgresql://postgres@127.0.0.1:5432/test"');
  }
  databaseUrl.pathname = `/${process.env.E2E_POSTGRES_DATABASE}`;
  const baseUrl = `http://127.0.0.1:${postgresPort}`;
  return {
    adminUrl,
    database: process.env.E2E_POSTGRES_DATABASE,
    baseUrl,
    serverEnv: {
      ...serverEnv,
      PORT: String(postgresPort),
      APP_URL: baseUrl,
      DATABASE_URL: databaseUrl.toString(),
      POLLER_ENABLED: "0",
    },
  };
}

export const E2E = {
  port,
  videoEmulator,
  smartAiEmulator,
  webhooks,
  baseUrl: `http://127.0.0.1:${port}`,
  dataDir,
  admin: { email: "admin@e2e.test", password: "e2e-admin-password" },
  apiToken: "e2e-api-token-0123456789abcdef",
  serverEnv,
  postgres: postgresServer(),
};

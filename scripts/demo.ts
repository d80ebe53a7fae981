// npm run demo: build and serve the app on http://localhost:3000 with an embedded SQLite
// database, the built-in provider emulators producing realistic traffic, and a seeded admin
// whose login is printed here. Everything it generates is kept in data/ for the next run.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { DemoService } from "../emulators/demo-service";

const DATA_DIR = join(process.cwd(), "data");
const PORT = process.env.PORT ?? "3000";
const APP_URL = `http://localhost:${PORT}`;

interface DemoSecrets {
  authSecret: string;
  adminEmail: string;
  adminPassword: string;
  apiToken: string;
}

/** Generated once, stored in data/demo-secrets.json (mode 600), reused on later runs. */
function demoSecrets(): DemoSecrets {
  const file = join(DATA_DIR, "demo-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DemoSecrets;
  const secrets: DemoSecrets = {
    authSecret: randomBytes(32).toString("base64"),
    adminEmail: "admin@demo.local",
    adminPassword: randomBytes(12).toString("base64url"),
    apiToken: randomBytes(24).toString("base64url"),
  };
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The emulators the demo runs. Each provider's emulator adds itself here. */
async function demoServices(): Promise<DemoService[]> {
  const { smartAiDemoService } = await import("../emulators/smartai/demo-service");
  const { videoDemoService } = await import("../emulators/video/demo-service");
  const { webhookSenderDemoService } = await import("../emulators/webhook-sender/demo-service");
  return [smartAiDemoService(), videoDemoService(), webhookSenderDemoService()];
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

async function main() {
  const secrets = demoSecrets();
  const services = await demoServices();
  const serviceEnv: Record<string, string> = {};
  for (const service of services) Object.assign(serviceEnv, await service.start());

  const appEnv = {
    ...process.env,
    ...serviceEnv,
    DEMO_MODE: "1",
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT,
    APP_URL,
    DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/app.db",
    AUTH_SECRET: secrets.authSecret,
    ADMIN_EMAIL: secrets.adminEmail,
    ADMIN_PASSWORD: secrets.adminPassword,
    API_TOKEN: secrets.apiToken,
  };

  console.log("demo: building the app (about a minute on a small machine)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: appEnv });
  if (build.status !== 0) throw new Error("next build failed");

  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "inherit", env: appEnv });
  const shutdown = async () => {
    app.kill("SIGTERM");
    await Promise.allSettled(services.map((service) => service.stop()));
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  app.on("exit", (code) => {
    void Promise.allSettled(services.map((service) => service.stop())).then(() => process.exit(code ?? 1));
  });

  await waitForHealth(APP_URL, 120_000);
  for (const service of services) await service.afterAppReady?.(APP_URL);

  console.log(
    [
      "",
      "──────────────────────────────────────────────────────────",
      `  Assessment Hub demo is running on ${APP_URL}`,
      `  Sign in as  ${secrets.adminEmail}`,
      `  Password    ${secrets.adminPassword}`,
      `  API token   ${secrets.apiToken}`,
      `  Emulators   ${services.map((service) => service.name).join(", ") || "none"}`,
      "  (kept in data/demo-secrets.json; delete data/ to start over)",
      "──────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(`demo: ${(error as Error).message}`);
  process.exit(1);
});

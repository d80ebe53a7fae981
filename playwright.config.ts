// Browser tests against one production build, in headless Chromium, served twice: on SQLite
// (project "sqlite": every spec) and on a fresh PostgreSQL database (project "postgresql": the
// smoke walk), each on a free port (tests/e2e/support/settings.ts). SKIP_POSTGRES=1 leaves the
// PostgreSQL server out. Debian's Chromium by default (CHROMIUM_PATH); on a laptop with
// Playwright's own browser, set CHROMIUM_PATH="".
//   npx playwright test --project=postgresql    one project only
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";
import type { DatabaseOptions } from "./tests/e2e/support/fixtures";
import { E2E } from "./tests/e2e/support/settings";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The first server builds the app: about two minutes on a quiet 2-core machine, over four with
// other work on it (a busy CI machine timed out at four). Waiting costs nothing when it is quick.
const BUILD_TIMEOUT_MS = 600_000;
const START_TIMEOUT_MS = 90_000;

type WebServer = NonNullable<Extract<PlaywrightTestConfig["webServer"], unknown[]>>[number];

function server(name: string, command: string, baseUrl: string, env: Record<string, string>, timeout: number) {
  return {
    name,
    command,
    url: `${baseUrl}/api/health`,
    timeout,
    reuseExistingServer: false,
    env,
    stdout: "pipe",
    stderr: "pipe",
  } satisfies WebServer;
}

// Web servers start one after another, in this order: the first builds, and the other serves
// the same build. The PostgreSQL server goes first when there is one, so a PostgreSQL that
// cannot be used stops the run before the build, with its own error.
const build = "npm run build";
const webServer = E2E.postgres
  ? [
      server(
        "postgresql",
        `node --import tsx tests/e2e/support/postgres-database-cli.ts && ${build} && npm start`,
        E2E.postgres.baseUrl,
        E2E.postgres.serverEnv,
        BUILD_TIMEOUT_MS,
      ),
      server("sqlite", "npm start", E2E.baseUrl, E2E.serverEnv, START_TIMEOUT_MS),
    ]
  : [server("sqlite", `${build} && npm start`, E2E.baseUrl, E2E.serverEnv, BUILD_TIMEOUT_MS)];

export default defineConfig<DatabaseOptions>({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: "list",
  globalSetup: [
    "./tests/e2e/support/global-setup.ts",
    "./tests/e2e/support/video-emulator-setup.ts",
    "./tests/e2e/support/smartai-emulator-setup.ts",
  ],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "sqlite", use: { baseURL: E2E.baseUrl, databaseUrl: E2E.serverEnv.DATABASE_URL } },
    ...(E2E.postgres
      ? [
          {
            name: "postgresql",
            testMatch: "smoke.spec.ts",
            use: { baseURL: E2E.postgres.baseUrl, databaseUrl: E2E.postgres.serverEnv.DATABASE_URL },
          },
        ]
      : []),
  ],
  webServer,
});

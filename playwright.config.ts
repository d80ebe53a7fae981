// Browser tests against a production build, in headless Chromium. Debian's Chromium by
// default (CHROMIUM_PATH); on a laptop with Playwright's own browser, set CHROMIUM_PATH="".
import { defineConfig } from "@playwright/test";
import { E2E } from "./tests/e2e/support/settings";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  globalSetup: [
    "./tests/e2e/support/global-setup.ts",
    "./tests/e2e/support/video-emulator-setup.ts",
    "./tests/e2e/support/smartai-emulator-setup.ts",
  ],
  use: {
    baseURL: E2E.baseUrl,
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
  webServer: {
    command: "npm run build && npm start",
    url: `${E2E.baseUrl}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: E2E.serverEnv,
    stdout: "pipe",
    stderr: "pipe",
  },
});

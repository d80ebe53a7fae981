// What differs between the Playwright projects beyond baseURL: the database their server
// uses, so a test seeds the server it is talking to (set per project in playwright.config.ts).
import { test as base } from "@playwright/test";
import { E2E } from "./settings";

export interface DatabaseOptions {
  databaseUrl: string;
}

export const test = base.extend<DatabaseOptions>({
  databaseUrl: [E2E.serverEnv.DATABASE_URL, { option: true }],
});

export { expect } from "@playwright/test";

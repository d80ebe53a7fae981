// Seeds a running e2e server's database through the app's own code (see seed-cli.ts).
import { execFileSync } from "node:child_process";
import type { SeedAttempt } from "../../support/seed-attempt";
import { E2E } from "./settings";

function run<T>(command: string, payload: unknown, databaseUrl: string): T {
  const output = execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/e2e/support/seed-cli.ts", command, JSON.stringify(payload)],
    { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" }, encoding: "utf8" },
  );
  return JSON.parse(output.trim().split("\n").at(-1) ?? "null") as T;
}

/**
 * A completed attempt with score, sections, proctoring and a recording, as a provider would
 * report it; into the SQLite server's database unless the test names another (see fixtures.ts).
 */
export function seedAttempt(seed: SeedAttempt = {}, databaseUrl = E2E.serverEnv.DATABASE_URL) {
  return run<{ attemptId: string; candidateId: string }>("attempt", seed, databaseUrl);
}

export function seedShareLink(
  options: {
    attemptId: string;
    includeProctoring?: boolean;
    includeRecording?: boolean;
    expiresInHours?: number;
  },
  databaseUrl = E2E.serverEnv.DATABASE_URL,
) {
  return run<{ token: string; id: string }>("share", options, databaseUrl);
}

// Seeds the running e2e server's database through the app's own code (see seed-cli.ts).
import { execFileSync } from "node:child_process";
import type { SeedAttempt } from "../../support/seed-attempt";
import { E2E } from "./settings";

function run<T>(command: string, payload: unknown): T {
  const output = execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/e2e/support/seed-cli.ts", command, JSON.stringify(payload)],
    { env: { ...process.env, DATABASE_URL: E2E.serverEnv.DATABASE_URL, LOG_LEVEL: "silent" }, encoding: "utf8" },
  );
  return JSON.parse(output.trim().split("\n").at(-1) ?? "null") as T;
}

/** A completed attempt with score, sections, proctoring and a recording, as a provider would report it. */
export function seedAttempt(seed: SeedAttempt = {}) {
  return run<{ attemptId: string; candidateId: string }>("attempt", seed);
}

export function seedShareLink(options: {
  attemptId: string;
  includeProctoring?: boolean;
  includeRecording?: boolean;
  expiresInHours?: number;
}) {
  return run<{ token: string; id: string }>("share", options);
}

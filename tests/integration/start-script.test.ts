// `npm start` must refuse bad settings before opening a port, naming the variable.
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

function start(env: Record<string, string>) {
  const result = spawnSync("npx", ["tsx", "scripts/start.ts"], {
    // Deliberately without NODE_ENV, as a person typing `npm start` would have it.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr };
}

it("stops with a clear message when AUTH_SECRET is missing in production", () => {
  const { status, stderr } = start({ DATABASE_URL: "file:./data/never-created.db" });
  expect(status).toBe(1);
  expect(stderr).toContain("AUTH_SECRET is required in production");
});

it("stops with a clear message when DATABASE_URL is invalid", () => {
  const { status, stderr } = start({ DATABASE_URL: "mongodb://localhost/db" });
  expect(status).toBe(1);
  expect(stderr).toContain('DATABASE_URL must be "file:./path.db" (SQLite) or "postgresql://user@host/db"');
});

it("stops with a clear message when the PostgreSQL server cannot be reached", () => {
  const { status, stderr } = start({
    DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
    AUTH_SECRET: "x".repeat(40),
  });
  expect(status).toBe(1);
  expect(stderr).toMatch(/^Start-up failed: /m);
});

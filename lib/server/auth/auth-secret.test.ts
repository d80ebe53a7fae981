import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { authSecret } from "./auth-secret";

const scratch = () => join(mkdtempSync(join(tmpdir(), "auth-secret-")), "data", "auth-secret");

describe("authSecret", () => {
  it("uses AUTH_SECRET when it is set, and writes nothing", () => {
    const file = scratch();
    const value = "a-configured-secret-of-at-least-32-characters";
    expect(authSecret(parseSettings({ NODE_ENV: "production", AUTH_SECRET: value }), file)).toBe(value);
    expect(() => statSync(file)).toThrow();
  });

  it("stops production without AUTH_SECRET, naming the variable", () => {
    // parseSettings refuses this too; the check here holds even if settings were built another way.
    const settings = { ...parseSettings({ NODE_ENV: "development" }), NODE_ENV: "production" as const };
    expect(() => authSecret(settings, scratch())).toThrow(/^AUTH_SECRET is required in production/);
  });

  it("generates a random secret for development, keeps it owner-only in the data folder and reuses it", async () => {
    const file = scratch();
    const first = authSecret(parseSettings({ NODE_ENV: "development" }), file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(first).not.toMatch(/development|secret/);
    expect((await readFile(file, "utf8")).trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Another run, and another working copy, get their own secret: nothing shared from the source.
    expect(authSecret(parseSettings({ NODE_ENV: "development" }), file)).toBe(first);
    expect(authSecret(parseSettings({ NODE_ENV: "development" }), scratch())).not.toBe(first);
  });

  it("generates one in demo mode under NODE_ENV=production", () => {
    const file = scratch();
    const secret = authSecret(parseSettings({ NODE_ENV: "production", DEMO_MODE: "1" }), file);
    expect(readFileSync(file, "utf8").trim()).toBe(secret);
  });

  it("refuses a kept secret that is too short to sign with, saying what to do", () => {
    const file = scratch();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, "short\n");
    expect(() => authSecret(parseSettings({ NODE_ENV: "development" }), file)).toThrow(
      /holds no usable session secret: delete it .* or set AUTH_SECRET/,
    );
  });
});

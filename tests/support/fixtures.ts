// The providers' sample payloads (copied from the providers' documents into tests/fixtures/providers).
// Build variations from these (fields missing, out of order, duplicated) rather than inventing shapes.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES_DIR = join(__dirname, "../fixtures/providers");

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, name), "utf8")) as T;
}

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), "utf8");
}

import { expect, it } from "vitest";
import { applyMigrations, migrationsFor } from "@/lib/db/migrations";
import { describeEachDatabase } from "../support/databases";

it("keeps the same migrations for SQLite and PostgreSQL", () => {
  const names = (dialect: "sqlite" | "postgresql") => migrationsFor(dialect).map((migration) => migration.name);
  expect(names("sqlite")).toEqual(names("postgresql"));
  expect(names("sqlite").length).toBeGreaterThan(0);
});

describeEachDatabase("migrations", (getDb) => {
  it("creates every model's table", async () => {
    const db = getDb();
    expect(await db.attempt.count()).toBe(0);
    expect(await db.delivery.count()).toBe(0);
    expect(await db.user.count()).toBe(0);
  });
});

it("applies nothing on a second run against the same database", async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const url = `file:${mkdtempSync(`${tmpdir()}/hub-migrate-`)}/twice.db`;
  expect((await applyMigrations(url)).length).toBeGreaterThan(0);
  expect(await applyMigrations(url)).toEqual([]);
});

// Writes the next migration for both databases: the SQL that takes the schema from the
// last migrated snapshot to prisma/schema.prisma. `prisma migrate dev` does not work with
// the JS engine (see README), so migrations are diffed from schema to schema instead.
//   npm run db:migration -- add_share_links
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { sqliteSchemaPath, writePostgresSchema, postgresSchemaPath } from "./prisma-schemas.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const snapshotDir = "prisma/migrations/.snapshot";
writePostgresSchema();

for (const [dialect, schema] of [
  ["sqlite", sqliteSchemaPath],
  ["postgresql", postgresSchemaPath],
]) {
  const dir = join("prisma/migrations", dialect);
  mkdirSync(dir, { recursive: true });
  const snapshot = join(snapshotDir, `${dialect}.prisma`);
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], {
    encoding: "utf8",
  }).replace(/^(Loaded Prisma config|Prisma config detected).*\n/gm, "");
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log(`${dialect}: schema unchanged, no migration written`);
    continue;
  }
  const number = String(readdirSync(dir).filter((f) => /^\d{4}_/.test(f)).length + 1).padStart(4, "0");
  const target = join(dir, `${number}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, "migration.sql"), sql);
  mkdirSync(snapshotDir, { recursive: true });
  copyFileSync(schema, snapshot);
  console.log(`${dialect}: wrote ${target}/migration.sql`);
}

// Derives the PostgreSQL schema from the one SQLite schema source (prisma/schema.prisma):
// only the datasource provider/url and the generated client's folder differ.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const sqliteSchemaPath = join(root, "prisma/schema.prisma");
export const postgresSchemaPath = join(root, "generated/schema.postgresql.prisma");

export function writePostgresSchema() {
  const source = readFileSync(sqliteSchemaPath, "utf8");
  const derived = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://unused-by-the-js-engine@localhost/unused"')
    .replace('output     = "../generated/prisma-sqlite"', 'output     = "./prisma-postgresql"');
  if (derived === source || !derived.includes('"postgresql"') || !derived.includes("prisma-postgresql")) {
    throw new Error("prisma/schema.prisma no longer has the datasource/generator lines this script swaps");
  }
  mkdirSync(dirname(postgresSchemaPath), { recursive: true });
  writeFileSync(
    postgresSchemaPath,
    `// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.mjs. Do not edit.\n${derived}`,
  );
  return postgresSchemaPath;
}

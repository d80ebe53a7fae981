// Generates both Prisma clients (SQLite and PostgreSQL) from the one schema source.
import { execFileSync } from "node:child_process";
import { sqliteSchemaPath, writePostgresSchema } from "./prisma-schemas.mjs";

const postgresSchemaPath = writePostgresSchema();
for (const schema of [sqliteSchemaPath, postgresSchemaPath]) {
  execFileSync("npx", ["prisma", "generate", "--no-hints", "--schema", schema], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

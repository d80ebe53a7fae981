// Prisma CLI settings: the JS engine (no native engine download, which fails here) and
// the schema source. Migrations are applied by scripts/migrate.ts, not by the CLI.
import type { PrismaConfig } from "prisma";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  // Only `prisma migrate diff` uses this, and it needs no real database: a scratch file
  // keeps the CLI from failing on a missing data/ folder.
  async adapter() {
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    const { tmpdir } = await import("node:os");
    return new PrismaBetterSQLite3({ url: `file:${tmpdir()}/assessment-hub-prisma-cli.db` });
  },
} satisfies PrismaConfig;

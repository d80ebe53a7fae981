import "server-only";
// Case-insensitive "contains" on both databases: SQLite's LIKE already ignores ASCII case,
// PostgreSQL needs `mode: "insensitive"`, which the SQLite client's types do not know.
import type { Prisma } from "@generated/prisma-sqlite/client";
import type { Db } from "../db";

export function databaseKindOf(db: Db): "sqlite" | "postgresql" {
  // Set by Prisma on every client from the generated schema's provider.
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  return provider === "postgresql" ? "postgresql" : "sqlite";
}

export function textContains(db: Db, text: string): Prisma.StringFilter {
  return databaseKindOf(db) === "postgresql"
    ? ({ contains: text, mode: "insensitive" } as Prisma.StringFilter)
    : { contains: text };
}

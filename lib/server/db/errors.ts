import "server-only";

/**
 * A unique-key violation (Prisma's P2002): someone else inserted the same key first. Read by
 * code, not by class, so it holds for both generated clients (SQLite and PostgreSQL).
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

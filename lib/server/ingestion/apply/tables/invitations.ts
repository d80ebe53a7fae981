import "server-only";
// Invitation rows for the set-based apply: read by assessment and candidate, written in one
// INSERT … ON CONFLICT on their (assessment, candidate) key.
import type { Invitation } from "@generated/prisma-sqlite/client";
import { decodeRows, type SqlRunner } from "../runner";
import { chunked, columnTypes, quoteColumns, Statement } from "../sql";
import type { BatchState } from "../state";

/**
 * The invitations of the batch's candidates at its assessments. Looked up by candidate only (a
 * person has a handful): filtering by assessment in the query would let the planner walk every
 * invitation of a popular assessment, which grows with the inbox, not with the batch.
 */
export async function loadInvitations(
  run: SqlRunner,
  assessmentIds: string[],
  candidateIds: string[],
): Promise<Invitation[]> {
  if (assessmentIds.length === 0 || candidateIds.length === 0) return [];
  const assessments = new Set(assessmentIds);
  const rows = await new Statement(run.dialect)
    .sql(`SELECT * FROM "Invitation" WHERE "candidateId" IN (`)
    .list(candidateIds)
    .sql(")")
    .query(run);
  return decodeRows<Invitation>(rows, {
    invitedAt: "date",
    expiresAt: "date",
    createdAt: "date",
    updatedAt: "date",
  }).filter((row) => assessments.has(row.assessmentId));
}

const COLUMNS = [
  "id",
  "provider",
  "assessmentId",
  "candidateId",
  "providerInvitationId",
  "inviteUrl",
  "status",
  "invitedAt",
  "expiresAt",
  "createdAt",
  "updatedAt",
] as const;
const INVITATION_TYPES = columnTypes(COLUMNS, {
  invitedAt: "timestamp(3)",
  expiresAt: "timestamp(3)",
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
});
const MUTABLE = ["providerInvitationId", "inviteUrl", "status", "expiresAt", "updatedAt"];

export async function writeInvitations(run: SqlRunner, state: BatchState): Promise<void> {
  const dirty = [...state.invitations.values()].filter((invitation) => invitation.dirty);
  for (const chunk of chunked(dirty, COLUMNS.length)) {
    await new Statement(run.dialect)
      .sql(`INSERT INTO "Invitation" (${quoteColumns(COLUMNS)}) `)
      .values(
        INVITATION_TYPES,
        chunk.map(({ row }) => COLUMNS.map((column) => row[column])),
      )
      .sql(` ON CONFLICT ("assessmentId", "candidateId") DO UPDATE SET `)
      .sql(MUTABLE.map((column) => `"${column}" = excluded."${column}"`).join(", "))
      .execute(run);
  }
}

import "server-only";
// Delivery rows for the applier: claims, and each batch's statuses in one statement. A
// delivery is claimable when it is pending, its claim (if any) has lapsed, and its retry time
// has come.
// PostgreSQL: a claim is "claimedBy = <instance>/<batch>" until claimExpiresAt, taken with FOR
// UPDATE SKIP LOCKED, so instances never wait on each other's claims, and renewed while the
// batch runs; a stopped instance's claims lapse.
// SQLite: the claim is not written. The batch's transaction holds the file's only write lock
// and applies only deliveries still pending then (markProcessed), so a delivery is applied once
// however many readers chose it, batches of several processes take turns, and a crash leaves
// nothing to lapse. Writing the claim would rewrite every delivery row (its body included) once
// more per batch. A live claim written by another process still holds this one back.
import { decodeRows, type SqlRunner } from "../runner";
import { Statement } from "../sql";

export interface ClaimRequest {
  token: string;
  /** "<instance>:": claims held by this process's other batches do not hold it back on SQLite. */
  instancePrefix: string;
  limit: number;
  now: Date;
  expiresAt: Date;
  provider?: string;
  ids?: string[];
}

/** Claims up to `limit` claimable deliveries and answers them as loadClaimed would, oldest first. */
export async function claimDeliveries(run: SqlRunner, request: ClaimRequest): Promise<ClaimedRow[]> {
  if (run.dialect === "sqlite") {
    const rows = await selectClaimable(new Statement("sqlite"), request, CLAIMED_COLUMNS).query(run);
    return decodeRows<ClaimedRow>(rows, CLAIMED_KINDS);
  }
  const claim = new Statement("postgresql")
    .sql(`UPDATE "Delivery" SET "claimedBy" = `)
    .value(request.token)
    .sql(`, "claimExpiresAt" = `)
    .value(request.expiresAt)
    .sql(` WHERE "id" IN (`);
  const rows = await selectClaimable(claim, request, `"id"`)
    .sql(` FOR UPDATE SKIP LOCKED) RETURNING ${CLAIMED_COLUMNS}`)
    .query(run);
  return decodeRows<ClaimedRow>(rows, CLAIMED_KINDS).sort(
    (a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function selectClaimable(statement: Statement, request: ClaimRequest, columns: string): Statement {
  statement
    .sql(
      `SELECT ${columns} FROM "Delivery" WHERE "status" = 'pending' AND ("claimExpiresAt" IS NULL OR "claimExpiresAt" < `,
    )
    .value(request.now)
    .sql(`) AND ("retryAt" IS NULL OR "retryAt" <= `)
    .value(request.now)
    .sql(")");
  if (request.provider) statement.sql(` AND "provider" = `).value(request.provider);
  if (request.ids) statement.sql(` AND "id" IN (`).list(request.ids).sql(")");
  if (statement.dialect === "sqlite") {
    statement
      .sql(
        ` AND NOT EXISTS (SELECT 1 FROM "Delivery" AS other WHERE other."status" = 'pending' AND other."claimExpiresAt" >= `,
      )
      .value(request.now)
      .sql(` AND other."claimedBy" NOT LIKE `)
      .value(`${request.instancePrefix}%`)
      .sql(")");
  }
  return statement.sql(` ORDER BY "receivedAt", "id" LIMIT `).value(request.limit);
}

const CLAIMED_COLUMNS = `"id", "provider", "source", "eventType", "body", "receivedAt", "status", "candidateEmail", "providerTimestamp"`;
const CLAIMED_KINDS = { receivedAt: "date", providerTimestamp: "date" } as const;

export interface ClaimedRow {
  id: string;
  provider: string;
  source: string;
  eventType: string | null;
  body: string;
  receivedAt: Date;
  status: string;
  candidateEmail: string | null;
  providerTimestamp: Date | null;
}

/** The claimed deliveries, oldest first. */
export async function loadClaimed(run: SqlRunner, ids: string[]): Promise<ClaimedRow[]> {
  if (ids.length === 0) return [];
  const rows = await new Statement(run.dialect)
    .sql(`SELECT ${CLAIMED_COLUMNS} FROM "Delivery" WHERE "id" IN (`)
    .list(ids)
    .sql(`) ORDER BY "receivedAt", "id"`)
    .query(run);
  return decodeRows<ClaimedRow>(rows, CLAIMED_KINDS);
}

/** Stored deliveries an older delivery's fill-in re-reads. */
export async function loadBodies(run: SqlRunner, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await new Statement(run.dialect)
    .sql(`SELECT "id", "provider", "body", "eventType", "receivedAt" FROM "Delivery" WHERE "id" IN (`)
    .list(ids)
    .sql(")")
    .query(run);
  return decodeRows<Pick<ClaimedRow, "id" | "provider" | "body" | "eventType" | "receivedAt">>(rows, {
    receivedAt: "date",
  });
}

export interface ProcessedRow {
  id: string;
  eventType: string | null;
  candidateEmail: string | null;
  providerTimestamp: Date | null;
}

/**
 * First statement of a batch's transaction: the deliveries still pending under this claim
 * become processed (and their rows locked until it commits). Answers which ones: only those
 * are applied, so a delivery whose claim lapsed and was taken over is never applied twice.
 */
export async function markProcessed(
  run: SqlRunner,
  token: string | null,
  rows: ProcessedRow[],
  now: Date,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const statement = new Statement(run.dialect);
  statement
    .sql(`UPDATE "Delivery" AS d SET "status" = 'processed', "eventType" = v.column2, "candidateEmail" = v.column3, `)
    .sql(`"providerTimestamp" = ${statement.timestamp("v.column4")}, "error" = NULL, "attempts" = d."attempts" + 1, `)
    .sql(`"processedAt" = `)
    .value(now)
    .sql(`, "claimedBy" = NULL, "claimExpiresAt" = NULL, "retryAt" = NULL FROM (`)
    .values(
      ["text", "text", "text", "timestamp(3)"],
      rows.map((row) => [row.id, row.eventType, row.candidateEmail, row.providerTimestamp]),
    )
    .sql(`) AS v WHERE d."id" = v.column1 AND ${stillPending(statement)}`);
  if (token) statement.sql(` AND d."claimedBy" = `).value(token);
  const updated = await statement.sql(` RETURNING "id"`).query<{ id: string }>(run);
  return new Set(updated.map((row) => row.id));
}

/**
 * The batch's rows are looked up by id. SQLite's planner, which cannot count them (sql.ts
 * values), would otherwise walk every pending delivery by the status index and search the
 * batch's rows for each; the unary + keeps that index out of its choice.
 */
function stillPending(statement: Statement): string {
  return statement.dialect === "sqlite" ? `+d."status" = 'pending'` : `d."status" = 'pending'`;
}

export interface SettledRow {
  id: string;
  status: "failed" | "unrecognised";
  eventType: string | null;
  error: string;
}

/** Failed and unrecognised deliveries of a batch, with their reasons, in one statement. */
export async function markSettled(
  run: SqlRunner,
  token: string | null,
  rows: SettledRow[],
  now: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const statement = new Statement(run.dialect)
    .sql(`UPDATE "Delivery" AS d SET "status" = v.column2, "eventType" = v.column3, "error" = v.column4, `)
    .sql(`"attempts" = d."attempts" + 1, "processedAt" = `)
    .value(now)
    .sql(`, "claimedBy" = NULL, "claimExpiresAt" = NULL, "retryAt" = NULL FROM (`)
    .values(
      ["text", "text", "text", "text"],
      rows.map((row) => [row.id, row.status, row.eventType, row.error]),
    )
    .sql(`) AS v WHERE d."id" = v.column1 AND d."status" <> 'processed'`);
  if (token) statement.sql(` AND d."claimedBy" = `).value(token);
  return statement.execute(run);
}

/**
 * A passing failure: the deliveries go back to pending, to be tried again at `retryAt`, and
 * those that have now been tried `maxTries` times are failed with the reason, for an admin's
 * replay. Answers how many were failed.
 */
export async function deferOrFail(
  run: SqlRunner,
  token: string | null,
  ids: string[],
  options: { now: Date; retryAt: Date; maxTries: number; reason: string },
): Promise<number> {
  const stillOurs = (statement: Statement) => {
    statement.sql(` WHERE "status" = 'pending' AND "id" IN (`).list(ids).sql(")");
    return token ? statement.sql(` AND "claimedBy" = `).value(token) : statement;
  };
  const failing = await stillOurs(
    new Statement(run.dialect)
      .sql(`UPDATE "Delivery" SET "status" = 'failed', "error" = `)
      .value(`gave up after ${options.maxTries} tries: ${options.reason}`)
      .sql(`, "attempts" = "attempts" + 1, "processedAt" = `)
      .value(options.now)
      .sql(`, "claimedBy" = NULL, "claimExpiresAt" = NULL, "retryAt" = NULL`),
  )
    .sql(` AND "attempts" + 1 >= `)
    .value(options.maxTries)
    .execute(run);
  await stillOurs(
    new Statement(run.dialect)
      .sql(`UPDATE "Delivery" SET "error" = `)
      .value(`will retry: ${options.reason}`)
      .sql(`, "attempts" = "attempts" + 1, "retryAt" = `)
      .value(options.retryAt)
      .sql(`, "claimedBy" = NULL, "claimExpiresAt" = NULL`),
  ).execute(run);
  return failing;
}

export async function renewClaims(run: SqlRunner, token: string, expiresAt: Date): Promise<void> {
  await new Statement(run.dialect)
    .sql(`UPDATE "Delivery" SET "claimExpiresAt" = `)
    .value(expiresAt)
    .sql(` WHERE "claimedBy" = `)
    .value(token)
    .sql(` AND "status" = 'pending'`)
    .execute(run);
}

export async function releaseClaims(run: SqlRunner, token: string): Promise<void> {
  await new Statement(run.dialect)
    .sql(`UPDATE "Delivery" SET "claimedBy" = NULL, "claimExpiresAt" = NULL WHERE "claimedBy" = `)
    .value(token)
    .sql(` AND "status" = 'pending'`)
    .execute(run);
}

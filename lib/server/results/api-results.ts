import "server-only";
// The read API's view of results (docs/contract.md §5): filters, keyset pagination, and the
// published item shape. Pages have their own queries; this shape is a public promise.
import { z } from "zod";
import type { Db } from "../db";
import { ATTEMPT_STATUSES, PROVIDERS, jobTitleKey, normaliseEmail } from "../../shared/vocabulary";
import { decodeCursor, encodeCursor } from "./cursor";
import { publicLifecycle } from "../../shared/answer-state";

export const resultsQuerySchema = z.object({
  candidateEmail: z.string().trim().min(1).max(320).optional(),
  provider: z.enum(PROVIDERS).optional(),
  jobTitle: z.string().trim().min(1).max(500).optional(),
  status: z.enum(ATTEMPT_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  // Counting costs a second query over every match, so a client asks for it.
  includeTotal: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((value) => value === "true" || value === "1"),
  // Above 100 is clamped rather than refused: a client asking for more still gets a page.
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(50)
    .transform((limit) => Math.min(limit, 100)),
});

export type ResultsQuery = z.infer<typeof resultsQuerySchema>;

export class InvalidCursorError extends Error {
  constructor() {
    super("cursor is not one this API returned");
  }
}

const itemInclude = {
  candidate: { select: { email: true, name: true } },
  assessment: { select: { name: true, lifecycle: true } },
  job: { select: { title: true } },
} as const;

export async function listResults(db: Db, query: ResultsQuery) {
  const position = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !position) throw new InvalidCursorError();

  const filters = {
    provider: query.provider,
    status: query.status,
    candidate: query.candidateEmail ? { email: normaliseEmail(query.candidateEmail) } : undefined,
    job: query.jobTitle ? { titleKey: jobTitleKey(query.jobTitle) } : undefined,
  };
  const [rows, total] = await Promise.all([
    db.attempt.findMany({
      where: {
        ...filters,
        ...(position && {
          OR: [{ updatedAt: { lt: position.updatedAt } }, { updatedAt: position.updatedAt, id: { lt: position.id } }],
        }),
      },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      include: itemInclude,
    }),
    query.includeTotal ? db.attempt.count({ where: filters }) : undefined,
  ]);

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toResultItem),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    ...(total !== undefined && { total }),
  };
}

type AttemptWithRefs = Awaited<ReturnType<Db["attempt"]["findMany"]>>[number] & {
  candidate: { email: string; name: string };
  assessment: { name: string; lifecycle: string };
  job: { title: string } | null;
};

export function toResultItem(row: AttemptWithRefs) {
  return {
    id: row.id,
    provider: row.provider,
    candidate: { email: row.candidate.email, name: row.candidate.name },
    assessmentName: row.assessment.name,
    // Withdrawn (archived or deleted) assessments' results stay listed, saying so.
    assessment: { name: row.assessment.name, lifecycle: publicLifecycle(row.assessment.lifecycle) },
    jobTitle: row.job?.title ?? null,
    status: row.status,
    resultState: row.resultState,
    score: row.score,
    maxScore: row.maxScore,
    passMark: row.passMark,
    passed: row.passed,
    proctoring:
      row.proctoringScore === null && row.violationCount === null
        ? null
        : { score: row.proctoringScore, violationCount: row.violationCount },
    recordingUrl: row.recordingUrl,
    reportUrl: row.reportUrl,
    invitedAt: row.invitedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    durationSeconds: row.durationSeconds,
    updatedAt: row.updatedAt.toISOString(),
  };
}

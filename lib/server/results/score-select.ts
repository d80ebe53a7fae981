import "server-only";
// The columns that say how an attempt scored: the same set wherever one result is shown in full
// (the candidate page, the job's table, the shared report), so a new score column is added once.
import type { Prisma } from "@generated/prisma-sqlite/client";

export const attemptScoreSelect = {
  provider: true,
  status: true,
  resultState: true,
  score: true,
  maxScore: true,
  passMark: true,
  passed: true,
} as const satisfies Prisma.AttemptSelect;

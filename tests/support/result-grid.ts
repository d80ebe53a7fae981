// A job with many results written straight through Prisma, with deliberate ties and empty
// values in every sortable column, so paging and sorting tests have edges to trip on.
import type { Db } from "@/lib/db/create-client";
import type { AttemptStatus, ProviderId } from "@/lib/shared/vocabulary";
import type { ResultSortKey } from "@/lib/shared/job-results-view";

export interface GridRow {
  id: string;
  status: AttemptStatus;
  provider: ProviderId;
  passed: boolean | null;
  integrityFlagged: boolean;
  candidateName: string;
  candidateEmail: string;
  sortValues: Record<ResultSortKey, string | number | null>;
}

const STATUSES: AttemptStatus[] = ["completed", "completed", "invited", "completed", "in_progress", "timeout"];
const FIRST_NAMES = ["Ada", "Grace", "Linus", "Barbara"];
const BASE = Date.UTC(2026, 5, 1, 8, 0, 0);

function pad(value: number, width = 4) {
  return String(value).padStart(width, "0");
}

export async function seedResultGrid(db: Db, options: { rows: number }) {
  const [job, otherJob] = await Promise.all([
    db.job.create({ data: { title: "Grid Engineer", titleKey: "grid engineer" } }),
    db.job.create({ data: { title: "Other Role", titleKey: "other role" } }),
  ]);
  const assessments = await Promise.all(
    [
      { provider: "smartai", externalId: "grid-smartai", jobId: job.id },
      { provider: "testlify", externalId: "grid-testlify", jobId: job.id },
      { provider: "smartai", externalId: "grid-other", jobId: otherJob.id },
      { provider: "assessment-engine", externalId: "grid-unlinked", jobId: null },
    ].map((data) => db.assessment.create({ data: { ...data, name: `Assessment ${data.externalId}` } })),
  );

  const rows: GridRow[] = [];
  const candidates = [];
  const attempts = [];
  for (let i = 0; i < options.rows; i += 1) {
    const status = STATUSES[i % STATUSES.length]!;
    const provider: ProviderId = i % 2 === 0 ? "smartai" : "testlify";
    const finished = status === "completed" || status === "timeout";
    const score = status === "completed" ? ((i * 37) % 11) * 10 : null;
    const proctoringScore = status === "completed" && i % 3 !== 0 ? 60 + ((i * 7) % 40) : null;
    const violationCount = status === "completed" ? i % 4 : null;
    const durationSeconds = finished ? 600 + (i % 5) * 60 : null;
    const submittedAt = finished ? new Date(BASE + (i % 9) * 3_600_000) : null;
    const updatedAt = new Date(BASE + (i % 30) * 60_000);
    const integrityFlagged = (violationCount ?? 0) > 0 || (proctoringScore !== null && proctoringScore < 70);
    const passed = score === null ? null : score >= 60;
    // Ids deliberately not in value order, so ties fall back to the id.
    const id = `att-${pad((i * 53) % 997)}-${pad(i)}`;
    const candidateId = `cand-${pad(i)}`;
    const candidateName = `${FIRST_NAMES[i % 4]} Tester ${pad(i % 20, 2)}`;
    const candidateEmail = `person${pad(i)}@example.com`;

    candidates.push({ id: candidateId, name: candidateName, email: candidateEmail });
    attempts.push({
      id,
      provider,
      externalKey: `grid-${i}`,
      assessmentId: assessments[provider === "smartai" ? 0 : 1]!.id,
      candidateId,
      jobId: job.id,
      status,
      resultState: finished ? "final" : "pending",
      score,
      maxScore: score === null ? null : 100,
      passed,
      proctoringScore,
      violationCount,
      integrityFlagged,
      durationSeconds,
      submittedAt,
      updatedAt,
    });
    rows.push({
      id,
      status,
      provider,
      passed,
      integrityFlagged,
      candidateName,
      candidateEmail,
      sortValues: {
        score,
        proctoringScore,
        violationCount,
        durationSeconds,
        submittedAt: submittedAt?.toISOString() ?? null,
        updatedAt: updatedAt.toISOString(),
        status,
        candidate: candidateName,
      },
    });
  }
  candidates.push(
    { id: "cand-other", name: "Other Person", email: "other@example.com" },
    { id: "cand-unlinked", name: "Unlinked Person", email: "unlinked@example.com" },
  );
  await db.candidate.createMany({ data: candidates });
  await db.attempt.createMany({ data: attempts });
  await db.attempt.createMany({
    data: [
      {
        provider: "smartai",
        externalKey: "grid-other",
        assessmentId: assessments[2]!.id,
        candidateId: "cand-other",
        jobId: otherJob.id,
        status: "completed",
        score: 50,
      },
      {
        provider: "assessment-engine",
        externalKey: "grid-unlinked",
        assessmentId: assessments[3]!.id,
        candidateId: "cand-unlinked",
        jobId: null,
        status: "invited",
      },
    ],
  });
  return { jobId: job.id, otherJobId: otherJob.id, rows };
}

-- DropIndex
DROP INDEX "Candidate_name_idx";

-- DropIndex
DROP INDEX "Attempt_candidateId_idx";

-- CreateIndex
CREATE INDEX "Candidate_name_id_idx" ON "Candidate"("name", "id");

-- CreateIndex
CREATE INDEX "Attempt_candidateId_jobId_idx" ON "Attempt"("candidateId", "jobId");


-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "provider" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jobId" TEXT,
    "jobLinkedById" TEXT,
    "jobLinkedAt" DATETIME,
    "lifecycle" TEXT NOT NULL DEFAULT 'published',
    "gradingBands" JSONB,
    "sections" JSONB,
    "details" JSONB,
    "providerUpdatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assessment_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assessment_jobLinkedById_fkey" FOREIGN KEY ("jobLinkedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Assessment" ("createdAt", "details", "externalId", "gradingBands", "id", "jobId", "lifecycle", "name", "provider", "providerUpdatedAt", "sections", "updatedAt") SELECT "createdAt", "details", "externalId", "gradingBands", "id", "jobId", "lifecycle", "name", "provider", "providerUpdatedAt", "sections", "updatedAt" FROM "Assessment";
DROP TABLE "Assessment";
ALTER TABLE "new_Assessment" RENAME TO "Assessment";
CREATE INDEX "Assessment_jobId_idx" ON "Assessment"("jobId");
CREATE UNIQUE INDEX "Assessment_provider_externalId_key" ON "Assessment"("provider", "externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


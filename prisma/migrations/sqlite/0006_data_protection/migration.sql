-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "details" JSONB
);

-- CreateTable
CREATE TABLE "ErasureSuppression" (
    "emailHmac" TEXT NOT NULL PRIMARY KEY,
    "keyId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RetentionPurge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "holderId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "lastStartedAt" DATETIME,
    "lastFinishedAt" DATETIME,
    "lastCounts" JSONB,
    "lastError" TEXT
);

-- AlterTable (SQLite adds a column with a constant default in place: no rebuild of the inbox)
ALTER TABLE "Delivery" ADD COLUMN "withheldEvents" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "AuditEntry_at_id_idx" ON "AuditEntry"("at", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_idx" ON "AuditEntry"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_targetId_at_idx" ON "AuditEntry"("targetId", "at");


-- CreateTable
CREATE TABLE "ResultNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "jobId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ResultNotice_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NoticeRead" (
    "userId" TEXT NOT NULL,
    "noticeKey" TEXT NOT NULL,
    "readAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "noticeKey"),
    CONSTRAINT "NoticeRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'recruiter',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastLoginAt" DATETIME,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "noticeScope" TEXT NOT NULL DEFAULT 'followed',
    "noticeMuted" TEXT NOT NULL DEFAULT '',
    "noticesReadAt" DATETIME
);
INSERT INTO "new_User" ("active", "createdAt", "email", "id", "lastLoginAt", "mustChangePassword", "name", "passwordHash", "role", "sessionVersion", "updatedAt") SELECT "active", "createdAt", "email", "id", "lastLoginAt", "mustChangePassword", "name", "passwordHash", "role", "sessionVersion", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ResultNotice_createdAt_idx" ON "ResultNotice"("createdAt");

-- CreateIndex
CREATE INDEX "ResultNotice_jobId_createdAt_idx" ON "ResultNotice"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "ResultNotice_attemptId_idx" ON "ResultNotice"("attemptId");


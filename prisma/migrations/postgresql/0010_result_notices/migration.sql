-- AlterTable
ALTER TABLE "User" ADD COLUMN     "noticeMuted" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "noticeScope" TEXT NOT NULL DEFAULT 'followed',
ADD COLUMN     "noticesReadAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ResultNotice" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "jobId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResultNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeRead" (
    "userId" TEXT NOT NULL,
    "noticeKey" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeRead_pkey" PRIMARY KEY ("userId","noticeKey")
);

-- CreateIndex
CREATE INDEX "ResultNotice_createdAt_idx" ON "ResultNotice"("createdAt");

-- CreateIndex
CREATE INDEX "ResultNotice_jobId_createdAt_idx" ON "ResultNotice"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "ResultNotice_attemptId_idx" ON "ResultNotice"("attemptId");

-- AddForeignKey
ALTER TABLE "ResultNotice" ADD CONSTRAINT "ResultNotice_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeRead" ADD CONSTRAINT "NoticeRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


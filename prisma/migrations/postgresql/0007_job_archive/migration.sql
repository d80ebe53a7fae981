-- CreateTable
CREATE TABLE "JobArchive" (
    "jobId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobArchive_pkey" PRIMARY KEY ("userId","jobId")
);

-- CreateIndex
CREATE INDEX "JobArchive_jobId_idx" ON "JobArchive"("jobId");

-- AddForeignKey
ALTER TABLE "JobArchive" ADD CONSTRAINT "JobArchive_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobArchive" ADD CONSTRAINT "JobArchive_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


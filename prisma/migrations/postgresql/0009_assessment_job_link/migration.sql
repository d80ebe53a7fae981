-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "jobLinkedAt" TIMESTAMP(3),
ADD COLUMN     "jobLinkedById" TEXT;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_jobLinkedById_fkey" FOREIGN KEY ("jobLinkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


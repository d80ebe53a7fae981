-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN "countryUpdatedAt" DATETIME;
ALTER TABLE "Candidate" ADD COLUMN "nameUpdatedAt" DATETIME;
ALTER TABLE "Candidate" ADD COLUMN "phoneUpdatedAt" DATETIME;

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN "details" JSONB;


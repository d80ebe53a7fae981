-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "countryUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "nameUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "phoneUpdatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "details" JSONB;


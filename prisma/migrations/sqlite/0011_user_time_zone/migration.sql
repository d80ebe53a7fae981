-- AlterTable
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;

-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN "timeZone" TEXT;


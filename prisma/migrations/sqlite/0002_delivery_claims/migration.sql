-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "claimExpiresAt" DATETIME;
ALTER TABLE "Delivery" ADD COLUMN "claimedBy" TEXT;
ALTER TABLE "Delivery" ADD COLUMN "retryAt" DATETIME;

-- CreateIndex
CREATE INDEX "Delivery_status_claimExpiresAt_idx" ON "Delivery"("status", "claimExpiresAt");


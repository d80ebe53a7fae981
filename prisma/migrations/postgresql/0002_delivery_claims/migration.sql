-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "claimExpiresAt" TIMESTAMP(3),
ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "retryAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Delivery_status_claimExpiresAt_idx" ON "Delivery"("status", "claimExpiresAt");


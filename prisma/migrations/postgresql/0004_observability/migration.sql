-- CreateTable
CREATE TABLE "DeliveryTally" (
    "provider" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DeliveryTally_pkey" PRIMARY KEY ("provider","outcome","windowStart")
);

-- CreateTable
CREATE TABLE "Alert" (
    "key" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL,
    "clearedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "DeliveryTally_windowStart_idx" ON "DeliveryTally"("windowStart");

-- CreateIndex
CREATE INDEX "Alert_state_idx" ON "Alert"("state");

-- CreateIndex
CREATE INDEX "Delivery_status_processedAt_idx" ON "Delivery"("status", "processedAt");


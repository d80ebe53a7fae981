-- CreateTable
CREATE TABLE "DeliveryTally" (
    "provider" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("provider", "outcome", "windowStart")
);

-- CreateTable
CREATE TABLE "Alert" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "raisedAt" DATETIME NOT NULL,
    "clearedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "DeliveryTally_windowStart_idx" ON "DeliveryTally"("windowStart");

-- CreateIndex
CREATE INDEX "Alert_state_idx" ON "Alert"("state");

-- CreateIndex
CREATE INDEX "Delivery_status_processedAt_idx" ON "Delivery"("status", "processedAt");


-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "commitAttempt" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "delimiter" TEXT,
ADD COLUMN     "fileWarnings" JSONB,
ADD COLUMN     "header" JSONB,
ADD COLUMN     "heartbeatAt" TIMESTAMPTZ(3),
ADD COLUMN     "language" TEXT,
ADD COLUMN     "message" TEXT;

-- AlterTable
ALTER TABLE "ImportRow" ADD COLUMN     "cells" JSONB,
ADD COLUMN     "identityType" TEXT,
ADD COLUMN     "passwordHash" TEXT,
ADD COLUMN     "roleId" UUID,
ADD COLUMN     "userTypeId" UUID,
ADD COLUMN     "username" TEXT;

-- CreateIndex
CREATE INDEX "ImportRow_jobId_username_idx" ON "ImportRow"("jobId", "username");

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "errorCode" TEXT,
ADD COLUMN     "errorDetails" JSONB,
ADD COLUMN     "errorParams" JSONB;

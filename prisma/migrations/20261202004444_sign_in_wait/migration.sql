-- AlterTable
ALTER TABLE "RateLimitBucket" ADD COLUMN     "blockedUntil" TIMESTAMPTZ(3);

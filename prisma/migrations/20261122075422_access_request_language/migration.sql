-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "language" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "data" JSONB,
ADD COLUMN     "language" TEXT,
ADD COLUMN     "locale" TEXT,
ADD COLUMN     "timeZone" TEXT,
ALTER COLUMN "subject" DROP NOT NULL,
ALTER COLUMN "text" DROP NOT NULL,
ALTER COLUMN "html" DROP NOT NULL;

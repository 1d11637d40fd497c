-- CreateTable
CREATE TABLE "AccessRequestChange" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "message" TEXT,
    "language" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AccessRequestChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccessRequestChange_tokenHash_key" ON "AccessRequestChange"("tokenHash");

-- CreateIndex
CREATE INDEX "AccessRequestChange_organizationId_requestId_idx" ON "AccessRequestChange"("organizationId", "requestId");

-- AddForeignKey
ALTER TABLE "AccessRequestChange" ADD CONSTRAINT "AccessRequestChange_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequestChange" ADD CONSTRAINT "AccessRequestChange_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "ResidentSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ResidentSession_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ResidentSession_tokenHash_key" ON "ResidentSession"("tokenHash");

-- CreateIndex
CREATE INDEX "ResidentSession_personId_idx" ON "ResidentSession"("personId");

-- CreateIndex
CREATE INDEX "ResidentSession_expiresAt_idx" ON "ResidentSession"("expiresAt");

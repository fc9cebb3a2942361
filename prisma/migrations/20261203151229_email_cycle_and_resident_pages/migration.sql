-- AlterTable
ALTER TABLE "Place" ADD COLUMN "nameAfterA" TEXT;

-- CreateTable
CREATE TABLE "WorkshopTranslation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "prerequisites" TEXT,
    "whatToBring" TEXT,
    CONSTRAINT "WorkshopTranslation_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Booking" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "manageTokenHash" TEXT NOT NULL,
    "courseEnrolmentId" TEXT,
    "bookedById" TEXT,
    "waitlistedAt" DATETIME,
    "confirmedAt" DATETIME,
    "promotedAt" DATETIME,
    "cancelledAt" DATETIME,
    "cancelledBy" TEXT,
    "cancellationReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "icsSequence" INTEGER NOT NULL DEFAULT 0,
    "contactEmail" TEXT,
    "contactEmailNormalized" TEXT,
    "contactPhone" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "remindersWanted" BOOLEAN NOT NULL DEFAULT true,
    "deskCode" TEXT,
    "manageTokenScheme" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Booking_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Booking_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Booking_courseEnrolmentId_fkey" FOREIGN KEY ("courseEnrolmentId") REFERENCES "CourseEnrolment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Booking_bookedById_fkey" FOREIGN KEY ("bookedById") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Booking" ("bookedById", "cancellationReason", "cancelledAt", "cancelledBy", "confirmedAt", "courseEnrolmentId", "createdAt", "icsSequence", "id", "manageTokenHash", "personId", "promotedAt", "sessionId", "source", "status", "updatedAt", "waitlistedAt") SELECT "bookedById", "cancellationReason", "cancelledAt", "cancelledBy", "confirmedAt", "courseEnrolmentId", "createdAt", "icsSequence", "id", "manageTokenHash", "personId", "promotedAt", "sessionId", "source", "status", "updatedAt", "waitlistedAt" FROM "Booking";
DROP TABLE "Booking";
ALTER TABLE "new_Booking" RENAME TO "Booking";
CREATE UNIQUE INDEX "Booking_manageTokenHash_key" ON "Booking"("manageTokenHash");
CREATE UNIQUE INDEX "Booking_deskCode_key" ON "Booking"("deskCode");
CREATE INDEX "Booking_contactEmailNormalized_idx" ON "Booking"("contactEmailNormalized");
CREATE INDEX "Booking_sessionId_status_createdAt_idx" ON "Booking"("sessionId", "status", "createdAt");
CREATE INDEX "Booking_personId_status_idx" ON "Booking"("personId", "status");
CREATE INDEX "Booking_courseEnrolmentId_idx" ON "Booking"("courseEnrolmentId");
CREATE UNIQUE INDEX "Booking_personId_sessionId_key" ON "Booking"("personId", "sessionId");
CREATE TABLE "new_OutboxEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "bookingId" TEXT,
    "sessionId" TEXT,
    "sendAfter" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lockedUntil" DATETIME,
    "failedAt" DATETIME,
    "droppedAt" DATETIME,
    "dropReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_OutboxEmail" ("attempts", "createdAt", "dedupeKey", "failedAt", "id", "kind", "lastError", "locale", "lockedUntil", "payload", "recipient", "sendAfter", "sentAt", "updatedAt") SELECT "attempts", "createdAt", "dedupeKey", "failedAt", "id", "kind", "lastError", "locale", "lockedUntil", "payload", "recipient", "sendAfter", "sentAt", "updatedAt" FROM "OutboxEmail";
DROP TABLE "OutboxEmail";
ALTER TABLE "new_OutboxEmail" RENAME TO "OutboxEmail";
CREATE UNIQUE INDEX "OutboxEmail_dedupeKey_key" ON "OutboxEmail"("dedupeKey");
CREATE INDEX "OutboxEmail_state_sendAfter_idx" ON "OutboxEmail"("state", "sendAfter");
CREATE INDEX "OutboxEmail_bookingId_idx" ON "OutboxEmail"("bookingId");
CREATE INDEX "OutboxEmail_sessionId_idx" ON "OutboxEmail"("sessionId");
CREATE INDEX "OutboxEmail_kind_idx" ON "OutboxEmail"("kind");
CREATE TABLE "new_Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "email" TEXT,
    "emailNormalized" TEXT,
    "phone" TEXT,
    "phoneNormalized" TEXT,
    "communeId" TEXT,
    "ageBand" TEXT,
    "birthYear" INTEGER,
    "preferredLanguage" TEXT NOT NULL DEFAULT 'fr',
    "consentServiceEmails" BOOLEAN NOT NULL DEFAULT false,
    "consentReminders" BOOLEAN NOT NULL DEFAULT false,
    "consentsUpdatedAt" DATETIME,
    "consentSuggestions" BOOLEAN NOT NULL DEFAULT false,
    "accessibilityNeeds" TEXT,
    "helperName" TEXT,
    "helperEmail" TEXT,
    "helperPhone" TEXT,
    "helperReceivesReminders" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anonymised" BOOLEAN NOT NULL DEFAULT false,
    "anonymisedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Person_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Person_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Person" ("accessibilityNeeds", "ageBand", "anonymised", "anonymisedAt", "birthYear", "communeId", "consentReminders", "consentServiceEmails", "consentsUpdatedAt", "createdAt", "createdById", "deletedAt", "email", "emailNormalized", "firstName", "helperEmail", "helperName", "helperPhone", "helperReceivesReminders", "id", "lastActivityAt", "lastName", "nameKey", "phone", "phoneNormalized", "preferredLanguage", "updatedAt") SELECT "accessibilityNeeds", "ageBand", "anonymised", "anonymisedAt", "birthYear", "communeId", "consentReminders", "consentServiceEmails", "consentsUpdatedAt", "createdAt", "createdById", "deletedAt", "email", "emailNormalized", "firstName", "helperEmail", "helperName", "helperPhone", "helperReceivesReminders", "id", "lastActivityAt", "lastName", "nameKey", "phone", "phoneNormalized", "preferredLanguage", "updatedAt" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE INDEX "Person_emailNormalized_idx" ON "Person"("emailNormalized");
CREATE INDEX "Person_phoneNormalized_idx" ON "Person"("phoneNormalized");
CREATE INDEX "Person_lastName_firstName_idx" ON "Person"("lastName", "firstName");
CREATE INDEX "Person_communeId_idx" ON "Person"("communeId");
CREATE INDEX "Person_lastActivityAt_idx" ON "Person"("lastActivityAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopTranslation_workshopId_locale_key" ON "WorkshopTranslation"("workshopId", "locale");

-- Bookings made before this migration: their messages go where they went (the stored person's
-- contact, language and reminder choice), and their random manage token is re-derived once by
-- scripts/prepare-db.ts (manageTokenScheme 0, decisions/016).
UPDATE "Booking" SET
    "manageTokenScheme" = 0,
    "contactEmail" = (SELECT "email" FROM "Person" WHERE "Person"."id" = "Booking"."personId"),
    "contactEmailNormalized" = (SELECT "emailNormalized" FROM "Person" WHERE "Person"."id" = "Booking"."personId"),
    "contactPhone" = (SELECT "phone" FROM "Person" WHERE "Person"."id" = "Booking"."personId"),
    "locale" = (SELECT "preferredLanguage" FROM "Person" WHERE "Person"."id" = "Booking"."personId"),
    "remindersWanted" = (SELECT "consentReminders" FROM "Person" WHERE "Person"."id" = "Booking"."personId");

-- Outbox rows: their state from the old timestamps, and the booking they are about.
UPDATE "OutboxEmail" SET
    "state" = CASE WHEN "sentAt" IS NOT NULL THEN 'SENT' WHEN "failedAt" IS NOT NULL THEN 'FAILED' ELSE 'PENDING' END,
    "bookingId" = json_extract("payload", '$.bookingId');

-- A bookings link and the session it opens show a person's bookings made with the email asked with.
ALTER TABLE "AccessToken" ADD COLUMN "contactEmailNormalized" TEXT;
ALTER TABLE "ResidentSession" ADD COLUMN "contactEmailNormalized" TEXT;

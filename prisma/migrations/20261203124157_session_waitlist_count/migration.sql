-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "capacity" INTEGER NOT NULL,
    "seatsTaken" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "room" TEXT,
    "cancelledAt" DATETIME,
    "cancellationReason" TEXT,
    "seriesId" TEXT,
    "courseId" TEXT,
    "courseOrder" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "waitlistCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Session_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Session_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Session_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "SessionSeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Session_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("cancellationReason", "cancelledAt", "capacity", "courseId", "courseOrder", "createdAt", "deletedAt", "endsAt", "id", "placeId", "room", "seatsTaken", "seriesId", "startsAt", "status", "updatedAt", "workshopId") SELECT "cancellationReason", "cancelledAt", "capacity", "courseId", "courseOrder", "createdAt", "deletedAt", "endsAt", "id", "placeId", "room", "seatsTaken", "seriesId", "startsAt", "status", "updatedAt", "workshopId" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE INDEX "Session_startsAt_idx" ON "Session"("startsAt");
CREATE INDEX "Session_status_startsAt_idx" ON "Session"("status", "startsAt");
CREATE INDEX "Session_placeId_startsAt_idx" ON "Session"("placeId", "startsAt");
CREATE INDEX "Session_workshopId_startsAt_idx" ON "Session"("workshopId", "startsAt");
CREATE INDEX "Session_courseId_idx" ON "Session"("courseId");
CREATE INDEX "Session_seriesId_idx" ON "Session"("seriesId");
-- Existing waiting lists: the count starts in step with the bookings (standard SQL).
UPDATE "Session" SET "waitlistCount" = (
    SELECT COUNT(*) FROM "Booking" WHERE "Booking"."sessionId" = "Session"."id" AND "Booking"."status" = 'WAITLISTED'
);
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Calendar SEQUENCE counters (docs/decisions/014-calendar-sequence.md). Written as ADD COLUMN
-- rather than the table rebuild the engine drafts: same resulting tables, no copy of every
-- booking and session, and nothing for a parallel migration of these tables to collide with.
ALTER TABLE "Booking" ADD COLUMN "icsSequence" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Session" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 0;

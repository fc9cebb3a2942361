/*
  Warnings:

  - A unique constraint covering the columns `[tapKey]` on the table `SkillAssessment` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "SkillAssessment" ADD COLUMN "tapKey" TEXT;

-- CreateIndex
CREATE INDEX "Person_nameKey_idx" ON "Person"("nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "SkillAssessment_tapKey_key" ON "SkillAssessment"("tapKey");

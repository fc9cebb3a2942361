import type { PrismaClient } from "../../app/generated/prisma/client";

/** Rows in every table, seeded or not: what the seed reports and what its test compares. */
export async function countTables(db: PrismaClient) {
  // prettier-ignore
  const [
    communes, places, openingHours, placeCommunes, topics, workshops, workshopTopics, workshopSkills,
    sessionSeries, courses, sessions, sessionTrainers, persons, courseEnrolments, bookings, attendances,
    skillDomains, skills, skillAssessments, mediatorNotes, staffUsers, staffRoleGrants, staffPlaces,
    authSessions, accessTokens, outboxEmails, auditLogs,
  ] = await Promise.all([
    db.commune.count(), db.place.count(), db.openingHours.count(), db.placeCommune.count(), db.topic.count(),
    db.workshop.count(), db.workshopTopic.count(), db.workshopSkill.count(), db.sessionSeries.count(),
    db.course.count(), db.session.count(), db.sessionTrainer.count(), db.person.count(),
    db.courseEnrolment.count(), db.booking.count(), db.attendance.count(), db.skillDomain.count(),
    db.skill.count(), db.skillAssessment.count(), db.mediatorNote.count(), db.staffUser.count(),
    db.staffRoleGrant.count(), db.staffPlace.count(), db.authSession.count(), db.accessToken.count(),
    db.outboxEmail.count(), db.auditLog.count(),
  ]);
  // prettier-ignore
  return {
    communes, places, openingHours, placeCommunes, topics, workshops, workshopTopics, workshopSkills,
    sessionSeries, courses, sessions, sessionTrainers, persons, courseEnrolments, bookings, attendances,
    skillDomains, skills, skillAssessments, mediatorNotes, staffUsers, staffRoleGrants, staffPlaces,
    authSessions, accessTokens, outboxEmails, auditLogs,
  };
}

export type SeedCounts = Awaited<ReturnType<typeof countTables>>;

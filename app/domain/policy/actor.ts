// Who is asking. The policy's answers depend on it; nothing here reads a cookie or a database:
// the route proves who the actor is (a manage link's token, a bookings session, a staff login)
// and the service passes the actor on.

/** Mirrors the `StaffRole` enum of prisma/schema.prisma, so the domain imports nothing generated. */
export type StaffRole = "TRAINER" | "MEDIATOR" | "COORDINATOR" | "ADMIN";

export type PermissionAction = "create" | "read" | "update" | "delete";
export type PermissionEntity =
  "booking" | "person" | "session" | "attendance" | "assessment" | "note" | "outbox" | "staff";
/**
 * `own`: rows tied to the staff member (the sessions they run); `place`: rows of the places they
 * work at; `any`: every row. A wider access covers the narrower ones.
 */
export type PermissionAccess = "own" | "place" | "any";

/**
 * Named like the Epic Stack's `action:entity:access`. Booking for someone (or enrolling them in
 * a course, which is bookings) is `create:booking:any`; cancelling for someone is
 * `update:booking:any`, since a cancelled booking is kept and only its status changes.
 */
export type Permission = `${PermissionAction}:${PermissionEntity}:${PermissionAccess}`;

/** A permission without its access: what `requireStaffWithPermission` is asked for, with a target. */
export type PermissionStem = `${PermissionAction}:${PermissionEntity}`;

export type AnonymousResident = { kind: "anonymous" };

/** Holds the link sent at booking: proves control of that one booking, nothing more. */
export type ManageLinkHolder = { kind: "manage-link"; bookingId: string };

/**
 * Opened the single-use link sent to a booking contact: acts for that person, on the bookings
 * made with that contact email (decisions/015). `null`: a session from before contacts were
 * kept per booking, which covers all the person's bookings.
 */
export type SignedInResident = { kind: "resident"; personId: string; contactEmailNormalized: string | null };

/** A trainer, mediator, coordinator or administrator, with the permissions their roles grant. */
export type StaffMember = {
  kind: "staff";
  userId: string;
  roles: readonly StaffRole[];
  permissions: readonly Permission[];
  /** The places they work at: what `place` access reaches. */
  placeIds: readonly string[];
};

export type Actor = AnonymousResident | ManageLinkHolder | SignedInResident | StaffMember;

export const ANONYMOUS: AnonymousResident = { kind: "anonymous" };

export function isStaff(actor: Actor): actor is StaffMember {
  return actor.kind === "staff";
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return isStaff(actor) && actor.permissions.includes(permission);
}

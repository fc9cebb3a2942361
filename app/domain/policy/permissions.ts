// The one table of what each staff role may do (docs/decisions/022). A person may hold several
// roles: they get every permission of each. Pages and services never test a role, only these
// permissions, through `requireStaffWithPermission` and the policy functions beside this file.
import type { Permission, PermissionAccess, PermissionStem, StaffMember, StaffRole } from "./actor";

export const ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  /** A conseiller numérique: the sessions they run, their rosters, attendance, walk-ins, skills. */
  TRAINER: [
    "read:session:own",
    "read:attendance:own",
    "update:attendance:own",
    "create:attendance:own",
    "create:assessment:own",
  ],
  /** A médiateur: the learners of the places they work at (issue 10 opens their screens). */
  MEDIATOR: [
    "read:session:place",
    "read:attendance:place",
    "read:person:place",
    "update:person:place",
    "create:booking:any",
    "update:booking:any",
    "read:booking:any",
    "create:note:place",
  ],
  /** Plans places, sessions and series for the whole territory, and fills in for a trainer. */
  COORDINATOR: [
    "read:session:any",
    "update:session:any",
    "read:attendance:any",
    "update:attendance:any",
    "create:attendance:any",
    "create:assessment:any",
    "read:person:any",
    "update:person:any",
    "create:booking:any",
    "update:booking:any",
    "read:booking:any",
    "create:note:any",
  ],
  /** Runs the service: staff accounts and the outgoing mail, and what a coordinator may. */
  ADMIN: [
    "read:session:any",
    "update:session:any",
    "read:attendance:any",
    "update:attendance:any",
    "create:attendance:any",
    "create:assessment:any",
    "read:person:any",
    "update:person:any",
    "create:booking:any",
    "update:booking:any",
    "read:booking:any",
    "create:note:any",
    "read:outbox:any",
    "update:staff:any",
  ],
};

/** Every permission the roles grant, each once, in the table's order. */
export function permissionsForRoles(roles: readonly StaffRole[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  return [...granted];
}

/** What a permission may reach: a session is someone's (its trainers) and somewhere (its place). */
export type PermissionTarget = { trainerIds: readonly string[]; placeId: string };

/** The widest access the actor holds for a stem, or null: `any` over `place` over `own`. */
export function accessFor(actor: StaffMember, stem: PermissionStem): PermissionAccess | null {
  for (const access of ["any", "place", "own"] as const) {
    if (actor.permissions.includes(`${stem}:${access}`)) return access;
  }
  return null;
}

/** Whether the actor holds the stem at all, at whatever access (the first half of a check). */
export function holdsStem(actor: StaffMember, stem: PermissionStem): boolean {
  return accessFor(actor, stem) !== null;
}

/** Whether the actor holds the stem for this target: any row, a row of their places, or their own. */
export function permitsOn(actor: StaffMember, stem: PermissionStem, target: PermissionTarget): boolean {
  const reaches: Record<PermissionAccess, boolean> = {
    any: true,
    place: actor.placeIds.includes(target.placeId),
    own: target.trainerIds.includes(actor.userId),
  };
  return (["any", "place", "own"] as const).some(
    (access) => actor.permissions.includes(`${stem}:${access}`) && reaches[access],
  );
}

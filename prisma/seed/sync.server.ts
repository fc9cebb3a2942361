import type { Prisma } from "../../app/generated/prisma/client";

/**
 * Upserts in bulk, for a seed that can run again without changing anything: rows are matched by
 * id (or a natural key), missing ones are inserted with createMany, and existing ones are
 * updated only in the fields that differ. A second run in the same week writes nothing.
 */

export type Tx = Prisma.TransactionClient;
type Value = string | number | boolean | Date | null;
export type Row = { id: string } & Record<string, Value>;
type LinkRow = Record<string, string>;

/**
 * The slice of a Prisma model delegate these helpers use. Prisma's generic method signatures do
 * not fit a structural type, hence the one cast in `models()`.
 */
type Delegate = {
  findMany(args: { where: Record<string, unknown>; select?: Record<string, true> }): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<unknown>;
  deleteMany(args: { where: Record<string, unknown> }): Promise<{ count: number }>;
};

export function models(tx: Tx) {
  const d = (delegate: unknown) => delegate as Delegate;
  return {
    commune: d(tx.commune),
    place: d(tx.place),
    openingHours: d(tx.openingHours),
    placeCommune: d(tx.placeCommune),
    topic: d(tx.topic),
    workshop: d(tx.workshop),
    workshopTranslation: d(tx.workshopTranslation),
    workshopTopic: d(tx.workshopTopic),
    workshopSkill: d(tx.workshopSkill),
    skillDomain: d(tx.skillDomain),
    skill: d(tx.skill),
    staffUser: d(tx.staffUser),
    staffRoleGrant: d(tx.staffRoleGrant),
    staffPlace: d(tx.staffPlace),
    person: d(tx.person),
    sessionSeries: d(tx.sessionSeries),
    course: d(tx.course),
    session: d(tx.session),
    sessionTrainer: d(tx.sessionTrainer),
    courseEnrolment: d(tx.courseEnrolment),
    booking: d(tx.booking),
    attendance: d(tx.attendance),
    skillAssessment: d(tx.skillAssessment),
    mediatorNote: d(tx.mediatorNote),
    auditLog: d(tx.auditLog),
  };
}

// Prisma refuses a statement with more bound parameters than it allows SQLite (a list of ~1,400
// ids failed): 200 per `in` list stays well under it. createMany splits its own batches.
const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return (a ?? null) === (b ?? null);
}

/**
 * Seed ids of rows the database already had under another id (matched by natural key), so
 * rows pointing at them can be rewritten. Seed ids are unique across tables ("seed-place-…").
 */
export class IdMap {
  private readonly actual = new Map<string, string>();

  set(seedId: string, actualId: string) {
    if (seedId !== actualId) this.actual.set(seedId, actualId);
  }

  /** the id a seeded row actually has in the database */
  id(seedId: string): string {
    return this.actual.get(seedId) ?? seedId;
  }

  /** the row with every seed id it references replaced by the id actually in the database */
  resolve<R extends Record<string, Value>>(row: R): R {
    if (this.actual.size === 0) return row;
    const out: Record<string, Value> = { ...row };
    for (const [field, value] of Object.entries(out)) {
      if (field !== "id" && typeof value === "string" && this.actual.has(value)) out[field] = this.actual.get(value)!;
    }
    return out as R;
  }
}

export type SyncResult = { created: number; updated: number; deleted: number };

export const SEED_ID_PREFIX = "seed-";

/**
 * Deletes the seed's own rows (ids "seed-…") that this run does not produce any more: a week
 * with a public holiday has fewer sessions, so fewer bookings. Other rows are left alone.
 */
export async function pruneSeedRows(delegate: Delegate, rows: readonly { id: string }[]): Promise<number> {
  const wanted = new Set(rows.map((r) => r.id));
  const seeded = await delegate.findMany({ where: { id: { startsWith: SEED_ID_PREFIX } }, select: { id: true } });
  const stale = seeded.map((r) => r.id as string).filter((id) => !wanted.has(id));
  let deleted = 0;
  for (const part of chunks(stale)) deleted += (await delegate.deleteMany({ where: { id: { in: part } } })).count;
  return deleted;
}

/**
 * Inserts or updates `rows`, matched on `key` (default: id). With a natural key, a row that
 * already exists under another id keeps its id and `ids` learns the mapping.
 * `onCreate` adds fields written only when a row is created (a password hash).
 */
export async function upsertRows<R extends Row>(
  delegate: Delegate,
  rows: readonly R[],
  ids: IdMap,
  options: {
    key?: keyof R & string;
    onCreate?: (row: R) => Record<string, Value>;
    /**
     * Fields under a unique constraint (a booking's person and session): a row whose values
     * there change is deleted and created again, so that no update collides with a row that
     * still holds those values and will move later in the same run.
     */
    replaceWhenChanged?: (keyof R & string)[];
  } = {},
): Promise<SyncResult> {
  const key = options.key ?? "id";
  const resolved = rows.map((row) => ids.resolve(row));
  const existing = new Map<unknown, Record<string, unknown>>();
  for (const part of chunks(resolved)) {
    const found = await delegate.findMany({ where: { [key]: { in: part.map((r) => r[key]) } } });
    for (const row of found) existing.set(row[key], row);
  }

  const toCreate: Record<string, unknown>[] = [];
  const toReplace: string[] = [];
  const toUpdate: { id: string; changes: Record<string, Value> }[] = [];
  for (const row of resolved) {
    const current = existing.get(row[key]);
    if (!current) {
      toCreate.push({ ...row, ...options.onCreate?.(row) });
      continue;
    }
    ids.set(row.id, current.id as string);
    if (options.replaceWhenChanged?.some((field) => !same(current[field], row[field]))) {
      toReplace.push(current.id as string);
      toCreate.push({ ...row, ...options.onCreate?.(row) });
      continue;
    }
    const changes: Record<string, Value> = {};
    for (const [field, value] of Object.entries(row)) {
      if (field !== "id" && !same(current[field], value)) changes[field] = value;
    }
    if (Object.keys(changes).length > 0) toUpdate.push({ id: current.id as string, changes });
  }
  for (const part of chunks(toReplace)) await delegate.deleteMany({ where: { id: { in: part } } });
  for (const { id, changes } of toUpdate) await delegate.update({ where: { id }, data: changes });
  for (const part of chunks(toCreate)) await delegate.createMany({ data: part });
  return { created: toCreate.length - toReplace.length, updated: toUpdate.length + toReplace.length, deleted: 0 };
}

/**
 * Makes the links of the seeded owners exactly `rows`: a join table (composite primary key),
 * owned by `ownerField` (a place's served communes, a session's trainers…). Links the seed no
 * longer wants are deleted; other owners' links are left alone.
 */
export async function syncLinks<L extends LinkRow>(
  delegate: Delegate,
  rows: readonly L[],
  ids: IdMap,
  ownerField: keyof L & string,
  otherField: keyof L & string,
  owners: readonly string[],
): Promise<SyncResult> {
  const resolved = rows.map((row) => ids.resolve(row));
  const resolvedOwners = owners.map((o) => ids.id(o));
  const wanted = new Map<string, Set<string>>(resolvedOwners.map((o) => [o, new Set()]));
  for (const row of resolved) wanted.get(row[ownerField])?.add(row[otherField]);

  const present = new Map<string, Set<string>>();
  for (const part of chunks(resolvedOwners)) {
    for (const link of await delegate.findMany({ where: { [ownerField]: { in: part } } })) {
      const owner = link[ownerField] as string;
      present.set(owner, (present.get(owner) ?? new Set()).add(link[otherField] as string));
    }
  }

  const toCreate = resolved.filter((row) => !present.get(row[ownerField])?.has(row[otherField]));
  let removed = 0;
  for (const [owner, others] of present) {
    const unwanted = [...others].filter((other) => !wanted.get(owner)?.has(other));
    if (unwanted.length === 0) continue;
    removed += (await delegate.deleteMany({ where: { [ownerField]: owner, [otherField]: { in: unwanted } } })).count;
  }
  for (const part of chunks(toCreate)) await delegate.createMany({ data: part });
  return { created: toCreate.length, updated: 0, deleted: removed };
}

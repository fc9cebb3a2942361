// A trainer looking someone up to add them as a walk-in. A search by phone or email tells who
// holds that number (first name, initial, commune, age band): each search is limited per staff
// member and audited — a keyed hash of the query and how many were found, never the query itself.
import { createHmac } from "node:crypto";

import type { WalkInQuery } from "~/domain/people/walk-in-match";
import type { StaffMember } from "~/domain/policy/actor";
import { searchPeopleForWalkIn, type FoundPerson } from "~/models/walk-in-search.server";
import { env } from "~/utils/env.server";

import { audit } from "./audit.server";
import { limitWalkInSearch } from "./rate-limits.server";
import { runTransaction } from "./transaction.server";

export type SearchWalkInResult =
  { ok: true; people: FoundPerson[]; more: boolean } | { ok: false; code: "RATE_LIMITED"; retryAfterMs: number };

type PreciseQuery = Extract<WalkInQuery, { kind: "phone" | "email" | "name" }>;

/** What the audit keeps of a query: enough to tell two searches for the same thing apart, nothing to read. */
export function queryFingerprint(query: PreciseQuery): string {
  const value =
    query.kind === "phone" ? query.phoneNormalized : query.kind === "email" ? query.emailNormalized : query.prefix;
  return createHmac("sha256", env.SESSION_SECRET)
    .update(`walk-in-search\u0000${query.kind}\u0000${value}`)
    .digest("hex");
}

/** The caller has asked the policy (mayAddWalkIn) already: only a trainer who may add searches. */
export async function searchWalkIn(input: {
  actor: StaffMember;
  sessionId: string;
  query: PreciseQuery;
  now: Date;
}): Promise<SearchWalkInResult> {
  const { actor, sessionId, query, now } = input;
  const limit = await limitWalkInSearch(actor.userId);
  if (!limit.ok) return { ok: false, code: "RATE_LIMITED", retryAfterMs: limit.retryAfterMs };
  return runTransaction(async (tx) => {
    const found = await searchPeopleForWalkIn(query, sessionId, tx);
    await audit(tx, {
      action: "walk-in.search",
      entityType: "Session",
      entityId: sessionId,
      actorUserId: actor.userId,
      at: now,
      data: { kind: query.kind, query: queryFingerprint(query), found: found.people.length, more: found.more },
    });
    return { ok: true, ...found };
  });
}

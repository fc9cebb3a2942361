// A person the walk-in page showed to this staff member for this session (a search result, a
// possible duplicate) carries a signature of (staff member, session, person). The add form sends
// it back; without it a person id alone would add — and describe — anyone in the register.
import { createHmac, timingSafeEqual } from "node:crypto";

import { env } from "~/utils/env.server";

type Pick = { actorId: string; sessionId: string; personId: string };

export function signPick({ actorId, sessionId, personId }: Pick): string {
  return createHmac("sha256", env.SESSION_SECRET)
    .update(`walk-in-pick\u0000${actorId}\u0000${sessionId}\u0000${personId}`, "utf8")
    .digest("hex");
}

/** Whether `signature` is the one `signPick` gave for this staff member, session and person. */
export function isSignedPick(pick: Pick, signature: string | null): boolean {
  if (signature === null) return false;
  const expected = Buffer.from(signPick(pick), "hex");
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

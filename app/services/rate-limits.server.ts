// Every rate limit of the app, in one place (docs/decisions/012-rate-limits-and-input-hygiene.md).
// Counters live in the database (the RateLimit table, through rate-limiter-flexible's Prisma
// store), so every app instance sees the same counts and a restart forgets nothing. Keys hold an
// HMAC (keyed by the session secret) of what they count, never an address, an email or a phone in
// clear, nor a plain hash that a list of every phone number or IPv4 address would reverse.
import { createHmac } from "node:crypto";
import { isIPv6 } from "node:net";

import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import { normalizeEmail, normalizePhone } from "~/domain/people/contact";
import { retryAfterInWords, retryAfterSeconds } from "~/domain/time/retry-after";
import { findReceptionPhone } from "~/models/place.server";
import { messageWithValues } from "~/utils/form-messages";
import { prisma, type Db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { Language } from "~/utils/i18n";

import type { TransactionClient } from "./transaction.server";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A fixed window: at most `points` actions per key every `durationSeconds`. */
export type LimitRule = { readonly name: string; readonly points: number; readonly durationSeconds: number };

/**
 * Bookings (a session or a whole course) sent from one network address in an hour. Residents of
 * a tiers-lieu on its public computers or wifi share one address: room for a busy afternoon.
 */
export const BOOKINGS_PER_ADDRESS: LimitRule = { name: "bookings-per-address", points: 30, durationSeconds: HOUR };

/**
 * Bookings made with one email, and separately with one phone, from one network address, in a day.
 * A household sharing an email books for each member. Counted with the address, so that a stranger
 * typing someone else's email spends only his own budget and never locks her out of booking.
 */
export const BOOKINGS_PER_CONTACT: LimitRule = { name: "bookings-per-contact", points: 10, durationSeconds: DAY };

/** "Retrouver mes réservations" for one email, known or not, in a quarter of an hour. */
export const LINK_REQUESTS_PER_EMAIL: LimitRule = {
  name: "link-requests-per-email",
  points: 3,
  durationSeconds: 15 * MINUTE,
};

/** "Retrouver mes réservations" from one network address, whatever the emails, in a quarter of an hour. */
export const LINK_REQUESTS_PER_ADDRESS: LimitRule = {
  name: "link-requests-per-address",
  points: 20,
  durationSeconds: 15 * MINUTE,
};

/**
 * Emails of one kind that a request from the public can make us send (see `outbox.server.ts`), to
 * one recipient in a day. Over it the email is simply not queued: the page the resident sees
 * already holds what the email would have said. Counted per kind, so that a stranger asking for
 * her bookings link again and again never silences the receipts of her own bookings.
 */
export const EMAILS_PER_RECIPIENT: LimitRule = { name: "emails-per-recipient", points: 10, durationSeconds: DAY };

/**
 * Wrong passwords for one staff email, known or not, in a quarter of an hour: the eleventh in a
 * row is refused, and so is a right one until the window ends (or a password reset). Counted by
 * email rather than by account, so an unknown email is refused exactly like a known one.
 */
export const SIGN_IN_FAILURES_PER_EMAIL: LimitRule = {
  name: "sign-in-failures-per-email",
  points: 10,
  durationSeconds: 15 * MINUTE,
};

/**
 * Wrong passwords from one network address, whatever the emails, in a quarter of an hour. The
 * team of a tiers-lieu shares one address: generous, it only stops someone trying many accounts.
 */
export const SIGN_IN_FAILURES_PER_ADDRESS: LimitRule = {
  name: "sign-in-failures-per-address",
  points: 100,
  durationSeconds: 15 * MINUTE,
};

/** « Mot de passe oublié ? » for one email, known or not, in a quarter of an hour. */
export const PASSWORD_RESETS_PER_EMAIL: LimitRule = {
  name: "password-resets-per-email",
  points: 3,
  durationSeconds: 15 * MINUTE,
};

/** « Mot de passe oublié ? » from one network address, whatever the emails, in a quarter of an hour. */
export const PASSWORD_RESETS_PER_ADDRESS: LimitRule = {
  name: "password-resets-per-address",
  points: 20,
  durationSeconds: 15 * MINUTE,
};

/**
 * Walk-in searches by one staff member in an hour. A search by phone or email answers with a
 * first name, an initial, a commune and an age band: a busy reception searches a few dozen times
 * a day, far fewer than someone walking the register by phone numbers.
 */
export const WALK_IN_SEARCHES_PER_STAFF: LimitRule = {
  name: "walk-in-searches-per-staff",
  points: 60,
  durationSeconds: HOUR,
};

export type LimitOutcome = { ok: true } | { ok: false; retryAfterMs: number };

/** Either the app's client (statements queue behind open transactions) or the caller's transaction. */
type Store = Db | TransactionClient;

const TABLE = "rateLimit";

// The library deletes rows expired for more than an hour every five minutes (an unref'd timer),
// for a limiter built with `clearExpiredByTimeout`. The table is shared by every rule, so one such
// limiter per process prunes all of it; the ones built per call below leave it off.
let pruning: RateLimiterPrisma | null = null;
function startPruning() {
  pruning ??= new RateLimiterPrisma({ storeClient: prisma, tableName: TABLE, points: 1, duration: 1 });
}

function limiterFor(rule: LimitRule, store: Store): RateLimiterPrisma {
  return new RateLimiterPrisma({
    storeClient: store,
    tableName: TABLE,
    keyPrefix: rule.name,
    points: rule.points,
    duration: rule.durationSeconds,
    clearExpiredByTimeout: false,
  });
}

function hashed(value: string): string {
  return createHmac("sha256", env.SESSION_SECRET).update(value, "utf8").digest("hex");
}

/**
 * One person on IPv6 usually holds a whole /64, so the address counts by its first four groups;
 * an IPv4 address (also written "::ffff:192.0.2.1") counts whole.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = "", tail] = address.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups = [...left, ...Array<string>(Math.max(8 - left.length - right.length, 0)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * Per-address limits leave out the addresses listed in RATE_LIMIT_EXEMPT_ADDRESSES: a tiers-lieu
 * whose public computers book for many residents, or the end-to-end tests' loopback. Per-contact
 * limits still apply to them.
 */
function isExempt(address: string): boolean {
  const key = addressKey(address);
  return env.RATE_LIMIT_EXEMPT_ADDRESSES.some((exempt) => addressKey(exempt) === key);
}

/** Spends one point of each check, in order, and stops at the first one over its limit. */
async function consumeAll(store: Store, checks: ReadonlyArray<[LimitRule, string]>): Promise<LimitOutcome> {
  startPruning();
  for (const [rule, value] of checks) {
    try {
      await limiterFor(rule, store).consume(hashed(value));
    } catch (refusal) {
      // The library rejects with a RateLimiterRes when over the limit, with an Error when the
      // store failed: that one is not a limit and goes up like any database error.
      if (refusal instanceof RateLimiterRes) return { ok: false, retryAfterMs: refusal.msBeforeNext };
      throw refusal;
    }
  }
  return { ok: true };
}

/**
 * Gives back the point an attempt spent on each check, never below zero nor on a window that has
 * ended meanwhile (a guarded decrement: the counter another request is raising stays exact).
 */
async function giveBack(checks: ReadonlyArray<[LimitRule, string]>): Promise<void> {
  for (const [rule, value] of checks) {
    await prisma.rateLimit.updateMany({
      where: { key: limiterFor(rule, prisma).getKey(hashed(value)), points: { gt: 0 }, expire: { gt: new Date() } },
      data: { points: { decrement: 1 } },
    });
  }
}

function signInChecks(input: { address: string; email: string }): [LimitRule, string][] {
  const checks: [LimitRule, string][] = [[SIGN_IN_FAILURES_PER_EMAIL, normalizeEmail(input.email) ?? ""]];
  if (!isExempt(input.address)) checks.push([SIGN_IN_FAILURES_PER_ADDRESS, addressKey(input.address)]);
  return checks;
}

/**
 * Before comparing a staff password: the attempt is counted for the email and the address first,
 * then refused if either is over its limit — so that of a burst of simultaneous attempts no more
 * get compared than the limit allows. A refused attempt gives its points back (it counts as no
 * failure); a right password gives back the address's (`signInSucceeded`): only failures stay.
 */
export async function countSignInAttempt(input: { address: string; email: string }): Promise<LimitOutcome> {
  startPruning();
  const spent: [LimitRule, string][] = [];
  for (const check of signInChecks(input)) {
    try {
      spent.push(check);
      await limiterFor(check[0], prisma).consume(hashed(check[1]));
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      await giveBack(spent);
      return { ok: false, retryAfterMs: refusal.msBeforeNext };
    }
  }
  return { ok: true };
}

/** After a right password: the email's failures are forgotten, the address's attempt given back. */
export async function signInSucceeded(input: { address: string; email: string }): Promise<void> {
  await forgetSignInFailures(input.email);
  await giveBack(signInChecks(input).filter(([rule]) => rule !== SIGN_IN_FAILURES_PER_EMAIL));
}

/** After a right password or a password reset: the email's failures are forgotten (the address's are not). */
export async function forgetSignInFailures(email: string): Promise<void> {
  await limiterFor(SIGN_IN_FAILURES_PER_EMAIL, prisma).delete(hashed(normalizeEmail(email) ?? ""));
}

/** Before sending a staff password-reset link; an unknown email counts the same. */
export function limitPasswordResetRequest(input: { address: string; email: string }): Promise<LimitOutcome> {
  const checks: [LimitRule, string][] = [[PASSWORD_RESETS_PER_EMAIL, normalizeEmail(input.email) ?? ""]];
  if (!isExempt(input.address)) checks.push([PASSWORD_RESETS_PER_ADDRESS, addressKey(input.address)]);
  return consumeAll(prisma, checks);
}

/** Before a booking or a course enrolment sent from the public form. */
export function limitBookingAttempt(input: {
  address: string;
  email: string | null;
  phone: string | null;
}): Promise<LimitOutcome> {
  const checks: [LimitRule, string][] = isExempt(input.address)
    ? []
    : [[BOOKINGS_PER_ADDRESS, addressKey(input.address)]];
  const email = normalizeEmail(input.email);
  const phone = normalizePhone(input.phone);
  const from = addressKey(input.address);
  if (email !== null) checks.push([BOOKINGS_PER_CONTACT, `email:${email}|${from}`]);
  if (phone !== null) checks.push([BOOKINGS_PER_CONTACT, `phone:${phone}|${from}`]);
  return consumeAll(prisma, checks);
}

/** Before sending the links of "Retrouver mes réservations"; an unknown email counts the same. */
export function limitLinkRequest(input: { address: string; email: string }): Promise<LimitOutcome> {
  const checks: [LimitRule, string][] = [[LINK_REQUESTS_PER_EMAIL, normalizeEmail(input.email) ?? ""]];
  if (!isExempt(input.address)) checks.push([LINK_REQUESTS_PER_ADDRESS, addressKey(input.address)]);
  return consumeAll(prisma, checks);
}

/** Before a walk-in search runs (a too-vague query is answered without one and spends nothing). */
export function limitWalkInSearch(staffUserId: string): Promise<LimitOutcome> {
  return consumeAll(prisma, [[WALK_IN_SEARCHES_PER_STAFF, `staff:${staffUserId}`]]);
}

/** In the transaction that queues the email, so a rolled-back change spends nothing. */
export function limitEmailToRecipient(tx: TransactionClient, kind: string, recipient: string): Promise<LimitOutcome> {
  return consumeAll(tx, [[EMAILS_PER_RECIPIENT, `${kind}:${normalizeEmail(recipient) ?? ""}`]]);
}

export type RateLimitRefusal = {
  /** A form message with its values ("rateLimit:booking?when=…&phone=…"), translated when drawn. */
  message: string;
  headers: { "Retry-After": string };
};

/**
 * What a refused resident is told: when to try again, in words and in their language, and whom to
 * call meanwhile — the place's reception for a session or a course, else the digital hub's.
 */
export async function rateLimitRefusal(
  refused: Extract<LimitOutcome, { ok: false }>,
  options: { about: "booking" | "link"; language: Language; placePhone?: string | null },
): Promise<RateLimitRefusal> {
  const phone = options.placePhone ?? (await findReceptionPhone());
  const when = retryAfterInWords(refused.retryAfterMs, options.language);
  const message =
    phone === null
      ? messageWithValues(`rateLimit:${options.about}NoPhone`, { when })
      : // Isolated left to right, so the groups of digits keep their order in an Arabic sentence.
        messageWithValues(`rateLimit:${options.about}`, { when, phone: `\u2066${phone}\u2069` });
  return { message, headers: { "Retry-After": String(retryAfterSeconds(refused.retryAfterMs)) } };
}

/**
 * The booking forms' check (a session or a whole course): null when the attempt may go on, else
 * what to answer, with the phone of the place the resident was booking at.
 */
export async function refuseBookingOverLimit(input: {
  address: string;
  email: string | null;
  phone: string | null;
  language: Language;
  placePhone: string | null;
}): Promise<RateLimitRefusal | null> {
  const limit = await limitBookingAttempt(input);
  if (limit.ok) return null;
  return rateLimitRefusal(limit, { about: "booking", language: input.language, placePhone: input.placePhone });
}

/**
 * What a refused staff member is told (the staff area is in French): when to try again, in
 * words. No phone to call: their coordinator or administrator is who they turn to.
 */
export function staffRateLimitRefusal(
  refused: Extract<LimitOutcome, { ok: false }>,
  about: "signIn" | "passwordReset" | "walkInSearch",
): RateLimitRefusal {
  const when = retryAfterInWords(refused.retryAfterMs, "fr");
  return {
    message: messageWithValues(about === "walkInSearch" ? "walkIn:search.rateLimited" : `staff:rateLimit.${about}`, {
      when,
    }),
    headers: { "Retry-After": String(retryAfterSeconds(refused.retryAfterMs)) },
  };
}

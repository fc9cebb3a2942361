import { randomBytes } from "node:crypto";

import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import { WalkInAnonymous } from "~/components/staff/walkin-anonymous";
import { fieldMessage } from "~/components/staff/walkin-fields";
import type { Glimpse } from "~/components/staff/walkin-glimpse";
import { WalkInNewPerson, type Candidate } from "~/components/staff/walkin-new-person";
import { WalkInSearch, type FoundGlimpse, type PendingAdd } from "~/components/staff/walkin-search";
import { DocumentTitle } from "~/components/ui/document-title";
import { ErrorSummary } from "~/components/ui/error-summary";
import { nameKey } from "~/domain/people/name-key";
import { glimpseOf, parseWalkInQuery } from "~/domain/people/walk-in-match";
import type { StaffMember } from "~/domain/policy/actor";
import { mayAddWalkIn, walkInNeedsReason } from "~/domain/policy/staff-policy";
import { formatClockTime, formatSessionTime } from "~/domain/time/format-session-time";
import { listCommunes } from "~/models/session.server";
import { getWalkInSession, knownPeopleByIds, walkInOfSession } from "~/models/walk-in-search.server";
import { addWalkIn, type AddWalkInResult } from "~/services/add-walk-in.server";
import { countAnonymousVisitors } from "~/services/count-anonymous-visitors.server";
import { staffRateLimitRefusal } from "~/services/rate-limits.server";
import { searchWalkIn } from "~/services/search-walk-in.server";
import walkInStyles from "~/styles/walk-in.css";
import { readFormData } from "~/utils/form-data.server";
import { getT } from "~/utils/i18n.server";
import { requireStaffWithPermission } from "~/utils/staff-auth.server";
import { isSignedPick, signPick } from "~/utils/walk-in-pick.server";
import {
  AGE_BANDS,
  COUNT_FIELDS,
  echo,
  intentOf,
  NEW_PERSON_FIELDS,
  parseAnonymousCount,
  parseNewPerson,
  parseReason,
  personIdOf,
  pickOf,
  queryOf,
  validRequestKey,
  type FieldErrors,
} from "~/utils/walk-in-form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: walkInStyles }];

// The title is drawn by the page (DocumentTitle): a refused form prefixes it.
export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

const pagePath = (sessionId: string) => `/pro/ateliers/${encodeURIComponent(sessionId)}/arrivee`;
const rosterPath = (sessionId: string) => `/pro/ateliers/${encodeURIComponent(sessionId)}`;

/** A new one-time key per drawn page; each form adds its purpose, so two forms never share one. */
const newRequestKey = () => randomBytes(16).toString("base64url");

async function requireSession(sessionId: string) {
  const session = await getWalkInSession(sessionId);
  if (!session) throw new Response(null, { status: 404, statusText: "Not Found" });
  return session;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const sessionId = params.sessionId ?? "";
  const actor = await requireStaffWithPermission(request, "create:attendance", { sessionId });
  const now = new Date();
  const t = getT("fr", "walkIn");
  const [session, communes] = await Promise.all([requireSession(sessionId), listCommunes()]);
  const answer = mayAddWalkIn(actor, { session: { ...session, ...actor.target }, now });

  // The search is a POST (its query never sits in the address, nor in a shared tablet's history).
  const url = new URL(request.url);
  const key = newRequestKey();

  const addedId = url.searchParams.get("ajout");
  const added = addedId ? await walkInOfSession(sessionId, addedId.slice(0, 64)) : null;

  return {
    title: t("title"),
    sessionId,
    summary: t("session", {
      title: session.workshop.title,
      when: formatSessionTime(session.startsAt, session.endsAt, "fr"),
      place: session.place.name,
    }),
    refusal: answer.may ? null : answer.reason,
    seats: { taken: session.seatsTaken, capacity: session.capacity },
    full: walkInNeedsReason(session),
    added: added
      ? {
          name: `${added.person.firstName} ${added.person.lastName}`,
          overCapacity: added.capacityOverrideReason !== null,
          leftWaitlist: url.searchParams.get("attente") === "1",
        }
      : null,
    counted: url.searchParams.get("compte") === "1",
    walkIns: session.attendances.map((a) => ({
      id: a.id,
      name: `${a.person.firstName} ${a.person.lastName}`,
      reason: a.capacityOverrideReason,
    })),
    anonymous: {
      total: session.anonymousTotal,
      rows: session.anonymousVisits.map((v) => ({
        id: v.id,
        count: v.count,
        ageBand: v.ageBand,
        communeName: v.commune?.name ?? null,
        time: formatClockTime(v.createdAt, "fr"),
      })),
    },
    communes,
    ageBands: AGE_BANDS,
    createKey: `${key}:new`,
    countKey: `${key}:anon`,
  };
}

type Problem = { key: string; name?: string };

type SearchAnswer = {
  intent: "search";
  query: string;
  tooVague: string | null;
  /** A refusal of the rate limit, as a form message ("walkIn:search.rateLimited?when=…"). */
  limited: string | null;
  found: FoundGlimpse[];
  more: boolean;
  problem: null;
};
type AddAnswer = {
  intent: "add";
  problem: Problem | null;
  pending: PendingAdd | null;
};
type CreateAnswer = {
  intent: "create";
  requestKey: string;
  values: Record<string, string>;
  errors: FieldErrors;
  reason: string;
  reasonError: string | null;
  needsReason: boolean;
  problem: Problem | null;
  candidates: Candidate[];
  mustReuse: boolean;
};
type CountAnswer = {
  intent: "count";
  requestKey: string;
  values: Record<string, string>;
  errors: FieldErrors;
  problem: Problem | null;
};
type Answer = SearchAnswer | AddAnswer | CreateAnswer | CountAnswer;

const answer = (body: Answer, status: number, headers?: Record<string, string>) => data(body, { status, headers });

/** What the page may show of a person and the signature that lets this trainer add them here. */
const signed = (actor: StaffMember, sessionId: string, personId: string) =>
  signPick({ actorId: actor.userId, sessionId, personId });

type Asker = Awaited<ReturnType<typeof requireStaffWithPermission>>;

async function search(actor: Asker, sessionId: string, form: FormData, now: Date) {
  const q = queryOf(form);
  const query = parseWalkInQuery(q);
  const base = {
    intent: "search" as const,
    query: q,
    tooVague: null,
    limited: null,
    found: [],
    more: false,
    problem: null,
  };
  if (query.kind === "empty") return answer(base, 200);
  if (query.kind === "too-vague") return answer({ ...base, tooVague: query.reason }, 400);
  const session = await requireSession(sessionId);
  if (!mayAddWalkIn(actor, { session: { ...session, ...actor.target }, now }).may) return answer(base, 403);
  const result = await searchWalkIn({ actor, sessionId, query, now });
  if (!result.ok) {
    const refusal = staffRateLimitRefusal(result, "walkInSearch");
    return answer({ ...base, limited: refusal.message }, 429, refusal.headers);
  }
  const key = newRequestKey();
  const typedNames = query.kind === "name" ? query.exact : [];
  const found = result.people.map((person) => ({
    ...glimpseOf(person, typedNames, now),
    standing: person.standing,
    requestKey: `${key}:p-${person.id}`,
    pick: signed(actor, sessionId, person.id),
  }));
  return answer({ ...base, found, more: result.more }, 200);
}

async function glimpseById(personId: string, now: Date, typedNames: string[] = []): Promise<Glimpse | null> {
  const [person] = await knownPeopleByIds([personId]);
  return person ? glimpseOf(person, typedNames, now) : null;
}

/** The service's refusals that are a rule of the place, not a mistake in the form: 409 with words. */
async function problemOf(result: Extract<AddWalkInResult, { ok: false }>, now: Date): Promise<Problem> {
  if (result.code === "ALREADY_BOOKED" || result.code === "ALREADY_ON_LIST") {
    const person = await glimpseById(result.personId, now);
    return {
      key: `refusal.${result.code}`,
      name: person ? `${person.firstName} ${person.lastName}${person.lastNameIsInitial ? "." : ""}` : "",
    };
  }
  return { key: `refusal.${result.code}` };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const sessionId = params.sessionId ?? "";
  const actor = await requireStaffWithPermission(request, "create:attendance", { sessionId });
  const now = new Date();
  const form = await readFormData(request);
  const intent = intentOf(form);
  if (intent === "search") return search(actor, sessionId, form, now);
  const requestKey = validRequestKey(form);
  if (intent === null || requestKey === null) {
    return answer({ intent: "add", problem: { key: "refusal.BAD_FORM" }, pending: null }, 400);
  }
  const done = (result: { attendanceId: string; leftWaitlist: boolean }) =>
    redirect(
      `${pagePath(sessionId)}?${new URLSearchParams({ ajout: result.attendanceId, ...(result.leftWaitlist ? { attente: "1" } : {}) })}`,
      303,
    );

  if (intent === "add") {
    const personId = personIdOf(form);
    const reason = parseReason(form);
    // Only someone this page showed this trainer for this session (a search result, a possible
    // duplicate): an id from elsewhere is refused before anything about that person is read.
    const pick = pickOf(form);
    if (personId === null || pick === null || !isSignedPick({ actorId: actor.userId, sessionId, personId }, pick)) {
      return answer({ intent, problem: { key: "refusal.BAD_FORM" }, pending: null }, 400);
    }
    const person = await glimpseById(personId, now);
    const pending = (reasonError: string | null) =>
      person ? { person, requestKey, pick, reason: reason.typed, reasonError } : null;
    if (reason.error !== null && person) {
      return answer({ intent, problem: null, pending: pending(reason.error) }, 400);
    }
    const result = await addWalkIn({
      actor,
      sessionId,
      requestKey,
      person: { existingId: personId },
      capacityOverrideReason: reason.reason,
      now,
    });
    if (result.ok) return done(result);
    if (result.code === "FULL_NEEDS_REASON" && person) {
      // Asked once; sent again without a reason, the field says what is missing.
      const reasonError = reason.asked ? "walkIn:reason.required" : null;
      return answer({ intent, problem: null, pending: pending(reasonError) }, reason.asked ? 400 : 409);
    }
    return answer({ intent, problem: await problemOf(result, now), pending: null }, 409);
  }

  const communeIds = new Set((await listCommunes()).map((c) => c.id));

  if (intent === "count") {
    const values = echo(form, COUNT_FIELDS);
    const parsed = parseAnonymousCount(form, communeIds);
    if (!parsed.ok) return answer({ intent, requestKey, values, errors: parsed.errors, problem: null }, 400);
    const result = await countAnonymousVisitors({ actor, sessionId, requestKey, now, ...parsed.value });
    if (result.ok) return redirect(`${pagePath(sessionId)}?compte=1#anonymes`, 303);
    return answer({ intent, requestKey, values, errors: {}, problem: { key: `refusal.${result.code}` } }, 409);
  }

  const values = echo(form, NEW_PERSON_FIELDS);
  const reason = parseReason(form);
  const refused = (status: number, extra: Partial<CreateAnswer>) =>
    answer(
      {
        intent: "create",
        requestKey,
        values,
        errors: {},
        reason: reason.typed,
        reasonError: reason.error,
        needsReason: reason.asked,
        problem: null,
        candidates: [],
        mustReuse: false,
        ...extra,
      },
      status,
    );
  const parsed = parseNewPerson(form, communeIds);
  if (!parsed.ok || reason.error !== null) return refused(400, { errors: parsed.ok ? {} : parsed.errors });
  const result = await addWalkIn({
    actor,
    sessionId,
    requestKey,
    person: { create: parsed.value },
    capacityOverrideReason: reason.reason,
    now,
  });
  if (result.ok) return done(result);
  if (result.code === "FULL_NEEDS_REASON") {
    return refused(reason.asked ? 400 : 409, {
      needsReason: true,
      reasonError: reason.asked ? "walkIn:reason.required" : null,
    });
  }
  if (result.code === "POSSIBLE_DUPLICATE") {
    const typed = [nameKey(parsed.value.firstName, parsed.value.lastName)];
    const people = await knownPeopleByIds(result.candidates.map((c) => c.id));
    const candidates = people.map((person) => ({
      ...glimpseOf(person, typed, now),
      kind: result.candidates.find((c) => c.id === person.id)?.kind ?? "SAME_NAME",
      // Each « C'est cette personne » its own one-time key: never the create form's, nor another's.
      requestKey: `${requestKey}-c-${person.id}`,
      pick: signed(actor, sessionId, person.id),
    }));
    return refused(409, { candidates, mustReuse: result.mustReuse });
  }
  return refused(409, { problem: await problemOf(result, now) });
}

export default function WalkInPage() {
  const page = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  const { t } = useTranslation("walkIn");

  const searched = last?.intent === "search" ? last : null;
  const create = last?.intent === "create" ? last : null;
  const count = last?.intent === "count" ? last : null;
  const add = last?.intent === "add" ? last : null;
  const problem = last?.problem ?? null;

  const fieldLinks = [
    ...(add?.pending?.reasonError
      ? [{ key: "pending-reason", href: "#pending-reason", message: fieldMessage(t, add.pending.reasonError) }]
      : []),
    ...Object.entries(create?.errors ?? {}).map(([name, message]) => ({
      key: name,
      href: `#${name}`,
      message: fieldMessage(t, message ?? ""),
    })),
    ...(create?.reasonError
      ? [{ key: "create-reason", href: "#create-reason", message: fieldMessage(t, create.reasonError) }]
      : []),
    ...Object.entries(count?.errors ?? {}).map(([name, message]) => ({
      key: `count-${name}`,
      href: name === "count" ? "#count" : `#anonymous-${name}`,
      message: fieldMessage(t, message ?? ""),
    })),
  ];
  const refused = fieldLinks.length > 0 || problem !== null;

  // With JavaScript, a refused form's summary takes the focus, as a page drawn again would put it first.
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused) summaryRef.current?.focus();
  }, [last, refused]);

  return (
    <div className="page narrow walkin-page">
      <DocumentTitle title={page.title} refused={refused} />
      <ErrorSummary
        ref={summaryRef}
        title={t("errorSummary")}
        titleId="walkin-error-title"
        formMessages={
          problem
            ? [
                {
                  key: problem.key,
                  content: (
                    <>
                      {t(problem.key, { name: problem.name })}
                      {problem.key === "refusal.ALREADY_BOOKED" ? (
                        <Link className="block" to={rosterPath(page.sessionId)}>
                          {t("goToRoster")}
                        </Link>
                      ) : null}
                    </>
                  ),
                },
              ]
            : []
        }
        fieldLinks={fieldLinks}
      />
      <p className="back-link">
        <Link to={rosterPath(page.sessionId)}>{t("backToRoster")}</Link>
      </p>
      <h1>{page.title}</h1>
      <p className="walkin-summary">{page.summary}</p>
      <p className="walkin-seats">
        {t("seats", page.seats)} {t("anonymousInRoom", { count: page.anonymous.total })}
      </p>
      {page.added ? (
        <p className="walkin-done" role="status">
          {t(page.added.overCapacity ? "addedOverCapacity" : "added", { name: page.added.name })}{" "}
          {page.added.leftWaitlist ? <>{t("leftWaitlist")} </> : null}
          <Link to={rosterPath(page.sessionId)}>{t("goToRoster")}</Link>
        </p>
      ) : null}
      {page.counted ? (
        <p className="walkin-done" role="status">
          {t("counted")}
        </p>
      ) : null}
      {page.refusal ? (
        <p className="walkin-refusal">{t(`refusal.${page.refusal}`)}</p>
      ) : (
        <>
          {page.full ? <p className="walkin-full">{t("full")}</p> : null}
          <WalkInSearch
            query={searched?.query ?? ""}
            tooVague={
              searched?.tooVague
                ? t(`search.tooVague.${searched.tooVague}`)
                : searched?.limited
                  ? fieldMessage(t, searched.limited)
                  : null
            }
            found={searched?.found ?? []}
            more={searched?.more ?? false}
            rosterPath={rosterPath(page.sessionId)}
            pending={
              add?.pending
                ? {
                    ...add.pending,
                    reasonError: add.pending.reasonError ? fieldMessage(t, add.pending.reasonError) : null,
                  }
                : null
            }
          />
          <WalkInNewPerson
            requestKey={create?.requestKey ?? page.createKey}
            values={create?.values ?? {}}
            errors={Object.fromEntries(
              Object.entries(create?.errors ?? {}).map(([name, message]) => [name, fieldMessage(t, message ?? "")]),
            )}
            communes={page.communes}
            ageBands={page.ageBands}
            needsReason={page.full || Boolean(create?.needsReason)}
            reason={create?.reason ?? ""}
            reasonError={create?.reasonError ? fieldMessage(t, create.reasonError) : null}
            candidates={create?.candidates ?? []}
            mustReuse={create?.mustReuse ?? false}
          />
          <WalkInAnonymous
            requestKey={count?.requestKey ?? page.countKey}
            values={count?.values ?? {}}
            errors={Object.fromEntries(
              Object.entries(count?.errors ?? {}).map(([name, message]) => [name, fieldMessage(t, message ?? "")]),
            )}
            communes={page.communes}
            ageBands={page.ageBands}
            total={page.anonymous.total}
            rows={page.anonymous.rows}
          />
          <section className="walkin-section" aria-labelledby="walkins-title">
            <h2 id="walkins-title">{t("walkIns.title")}</h2>
            {page.walkIns.length === 0 ? (
              <p>{t("walkIns.none")}</p>
            ) : (
              <ul className="walkin-rows">
                {page.walkIns.map((w) => (
                  <li key={w.id}>
                    {w.reason ? t("walkIns.rowOverCapacity", { name: w.name, reason: w.reason }) : w.name}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}

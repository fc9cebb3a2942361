import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";

import { SessionTime } from "~/components/session-time";
import { RosterMarkForm, type MarkAnswer } from "~/components/staff/roster-mark-form";
import { RosterPerson, personAnchor } from "~/components/staff/roster-person";
import { DocumentTitle } from "~/components/ui/document-title";
import { PlaceWithCommune } from "~/components/ui/place-with-commune";
import { isAttendanceStatus, type AttendanceStatus } from "~/domain/attendance/marks";
import { markingSummary } from "~/domain/attendance/summary";
import { ATTENDANCE_OPENS_BEFORE_MS, mayMarkAttendance, rosterPagesFor } from "~/domain/policy/staff-policy";
import { formatClockTime } from "~/domain/time/format-session-time";
import { getRoster } from "~/models/roster.server";
import { markAttendance } from "~/services/mark-attendance.server";
import rosterStyles from "~/styles/roster.css";
import { readFormData } from "~/utils/form-data.server";
import { getRequestT } from "~/utils/i18n.server";
import { requireStaffWithPermission } from "~/utils/staff-auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: rosterStyles }];

// The title is drawn by the page (DocumentTitle): a refused mark prefixes it (decisions/020).
export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

const notFound = () => new Response(null, { status: 404, statusText: "Not Found" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const sessionId = params.sessionId ?? "";
  const actor = await requireStaffWithPermission(request, "read:attendance", { sessionId });
  const now = new Date();
  const [{ t }, roster] = await Promise.all([getRequestT(request, "roster"), getRoster(sessionId)]);
  if (!roster) throw notFound();
  const marking = mayMarkAttendance(actor, { session: { ...roster.target, ...roster }, now });
  const summary = markingSummary(
    roster.booked.map((p) => p.personId),
    roster.booked.filter((p) => p.mark !== null).map((p) => p.personId),
  );
  const { target: _target, ...shown } = roster;
  return {
    title: t("roster.title", { title: roster.workshopTitle }),
    roster: shown,
    summary,
    // Only the pages this actor may open are linked (each asks its own permission first).
    pages: rosterPagesFor(actor, roster.target),
    closed: marking.may
      ? null
      : {
          reason: marking.reason,
          opensAt: formatClockTime(new Date(roster.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_MS), "fr"),
        },
  };
}

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

const REFUSAL_STATUS = {
  NOT_FOUND: 404,
  NOT_ALLOWED: 403,
  NOT_ON_ROSTER: 422,
  NOT_YET_OPEN: 409,
  SESSION_CANCELLED: 409,
} as const;

/**
 * One tap. From the page's own fetcher (`via=fetcher`) the answer is the mark the server kept;
 * from a plain form (no JavaScript), a 303 back to the roster at this person. A refusal is a 4xx
 * with its reason, shown beside the person.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const sessionId = params.sessionId ?? "";
  const actor = await requireStaffWithPermission(request, "update:attendance", { sessionId });
  const form = await readFormData(request);
  const personId = text(form.get("personId")).slice(0, 100);
  const status = form.get("status");
  if (form.get("intent") !== "mark" || personId === "" || !isAttendanceStatus(status)) {
    return data<MarkAnswer>({ personId, error: "BAD_MARK" }, { status: 400 });
  }
  const result = await markAttendance({ actor, sessionId, personId, status, elapsedMs: form.get("elapsedMs") });
  if (!result.ok) return data<MarkAnswer>({ personId, error: result.code }, { status: REFUSAL_STATUS[result.code] });
  if (form.get("via") === "fetcher") {
    return data<MarkAnswer>({ personId, status: result.status, outcome: result.outcome });
  }
  return redirect(`/pro/ateliers/${encodeURIComponent(sessionId)}#${personAnchor(personId)}`, 303);
}

export default function Roster() {
  const { title, roster, summary, pages, closed } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t } = useTranslation("roster");
  const base = `/pro/ateliers/${encodeURIComponent(roster.id)}`;
  // Marks the server kept since the page was read (taps answered without reading the page again).
  const [kept, setKept] = useState<Record<string, AttendanceStatus>>({});
  const onKept = useCallback(
    (personId: string, status: AttendanceStatus) => setKept((marks) => ({ ...marks, [personId]: status })),
    [],
  );
  const marked = roster.booked.filter((p) => (kept[p.personId] ?? p.mark) !== null).length;
  const errorFor = (personId: string) => (refused?.error && refused.personId === personId ? refused.error : null);
  // A refusal about someone the roster no longer lists (their booking was cancelled meanwhile) is said at the top.
  const listed = new Set([...roster.booked, ...roster.walkIns].map((p) => p.personId));
  const unlistedRefusal = refused?.error && !listed.has(refused.personId) ? refused.error : null;
  const people = (list: typeof roster.booked) =>
    list.map((person) => (
      <RosterPerson key={person.personId} person={person}>
        {closed ? (
          <p className="roster-mark__current">
            {person.mark ? t("roster.current", { mark: t(`roster.mark.${person.mark}`) }) : t("roster.notMarked")}
          </p>
        ) : (
          <RosterMarkForm
            sessionId={roster.id}
            personId={person.personId}
            name={`${person.firstName} ${person.lastName}`}
            mark={person.mark}
            error={errorFor(person.personId)}
            onKept={onKept}
          />
        )}
      </RosterPerson>
    ));

  return (
    <div className="page narrow roster-page">
      <DocumentTitle title={title} refused={Boolean(refused?.error)} />
      <p className="back-link">
        <Link to="/pro/ateliers">{t("roster.back")}</Link>
      </p>
      <h1>{roster.workshopTitle}</h1>
      <dl className="roster-facts roster-header">
        <dt>{t("roster.when")}</dt>
        <dd className="capitalize">
          <SessionTime startsAt={roster.startsAt} endsAt={roster.endsAt} />
        </dd>
        <dt>{t("roster.where")}</dt>
        <dd>
          <PlaceWithCommune place={roster.place} />
          <span className="block">{roster.place.addressLine}</span>
        </dd>
        <dt>{t("roster.room")}</dt>
        <dd>{roster.room ?? t("roster.noRoom")}</dd>
        <dt>{t("roster.seats")}</dt>
        <dd>{t("roster.seatsValue", { count: roster.seatsTaken, capacity: roster.capacity })}</dd>
      </dl>

      {roster.status === "CANCELLED" && roster.cancellationReason ? (
        <p>{t("roster.cancelledReason", { reason: roster.cancellationReason })}</p>
      ) : null}

      {unlistedRefusal ? (
        <p className="field-error" role="alert">
          {t(`roster.errors.${unlistedRefusal}`, { defaultValue: t("roster.errors.BAD_MARK") })}
        </p>
      ) : null}

      {closed ? (
        <p className="roster-alert" role="status">
          {t(`roster.closed.${closed.reason}`, { time: closed.opensAt })}
        </p>
      ) : null}

      <section aria-labelledby="roster-booked">
        <h2 id="roster-booked">{t("roster.booked", { count: roster.booked.length })}</h2>
        {roster.booked.length > 0 ? (
          <p className="roster-summary">{t("roster.summary", { marked: marked, expected: summary.expected })}</p>
        ) : (
          <p className="muted">{t("roster.nobodyBooked")}</p>
        )}
        <ul className="plain roster-people">{people(roster.booked)}</ul>
      </section>

      <section aria-labelledby="roster-walk-ins">
        <h2 id="roster-walk-ins">{t("roster.walkIns", { count: roster.walkIns.length })}</h2>
        {roster.walkIns.length > 0 ? <ul className="plain roster-people">{people(roster.walkIns)}</ul> : null}
        <p>{t("roster.anonymous", { count: roster.anonymousCount })}</p>
        {pages.arrival ? (
          <p>
            <Link className="button" to={`${base}/arrivee`}>
              {t("roster.arrival")}
            </Link>
          </p>
        ) : null}
      </section>

      {roster.waitlist.length > 0 ? (
        <section aria-labelledby="roster-waitlist" className="roster-waitlist">
          <h2 id="roster-waitlist">{t("roster.waitlist", { count: roster.waitlist.length })}</h2>
          <p className="muted">{t("roster.waitlistExplain")}</p>
          <ol>
            {roster.waitlist.map((person) => (
              <li key={person.personId} value={person.position}>
                {person.firstName} {person.lastName}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {/* After the people: on a phone the list comes first, the paperwork after. */}
      <nav aria-label={t("roster.actions")}>
        <ul className="plain roster-links">
          {pages.skills ? (
            <li>
              <Link className="button" to={`${base}/competences`}>
                {t("roster.skills")}
              </Link>
            </li>
          ) : null}
          <li>
            <Link className="button" to={`${base}/emargement`}>
              {t("roster.sheet")}
            </Link>
          </li>
          <li>
            <a className="button" href={`${base}/liste.csv`} download>
              {t("roster.csv")}
            </a>
          </li>
        </ul>
      </nav>
    </div>
  );
}

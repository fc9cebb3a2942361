import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { SessionOtherDates } from "~/components/session-other-dates";
import { FrenchText } from "~/components/ui/french-text";
import { PlaceWithCommune } from "~/components/ui/place-with-commune";
import { frenchContent, textIn } from "~/components/ui/french-content";
import { SessionErrorBoundary } from "~/components/session-error-boundary";
import { SessionPlace } from "~/components/session-place";
import { SessionSeats, seatsStateOf } from "~/components/session-seats";
import { SessionTime } from "~/components/session-time";
import { formatSessionTime } from "~/domain/time/format-session-time";
import { getSessionDetail, otherDatesIfFull } from "~/models/session.server";
import bookingStyles from "~/styles/booking.css";
import { getRequestT } from "~/utils/i18n.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bookingStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const { t, language } = await getRequestT(request, "catalogue");
  const session = await getSessionDetail(params.sessionId ?? "", now, language);
  if (session === null) throw new Response("Not found", { status: 404 });
  const when = formatSessionTime(session.startsAt, session.endsAt, language);
  // A full session offers the other dates that still have a seat before its waiting list.
  const otherDates = await otherDatesIfFull(session, now, language);
  return { title: t("session.metaTitle", { title: session.workshop.title, when }), session, otherDates };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export const ErrorBoundary = SessionErrorBoundary;

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function useListFormat() {
  const { i18n } = useTranslation();
  return (items: string[]) =>
    typeof Intl.ListFormat === "function"
      ? new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(items)
      : items.join(", ");
}

export default function SessionPage() {
  const { session, otherDates } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalogue");
  const formatList = useListFormat();
  const { workshop, place, course, booking: answer } = session;
  const text = textIn(workshop.textLang);
  const bookHref = `/ateliers/${encodeURIComponent(session.id)}/reserver`;
  // The policy's answer in the page's words (the seats badge's reading of it); the page decides nothing itself.
  const seats = seatsStateOf(answer);
  const state = answer.may
    ? answer.outcome === "CONFIRM"
      ? "open"
      : "waitlist"
    : seats === "cancelled"
      ? "cancelled"
      : seats === "waitlist-full"
        ? "full"
        : session.timing === "past"
          ? "past"
          : "closed";

  const bookingBox = (
    <div className={`session-action session-action--${state}`}>
      {state === "open" || state === "waitlist" ? (
        <>
          {state === "waitlist" ? <p>{t("session.waitlistExplain")}</p> : null}
          <p>
            <Link className="button button--primary button--large" to={bookHref}>
              {state === "open" ? t("session.book") : t("session.joinWaitlist")}
            </Link>
          </p>
          <p className="muted">{t("session.free")}</p>
        </>
      ) : (
        <>
          <p className="session-action__closed">
            {state === "cancelled"
              ? t("session.cancelled")
              : state === "full"
                ? t("policy.waitlistFull")
                : state === "past"
                  ? t("session.past")
                  : t("session.closed")}
          </p>
          {state === "cancelled" && session.cancellationReason ? (
            <p>{t("session.cancelledReason", { reason: session.cancellationReason })}</p>
          ) : null}
          <p>
            <Link className="button" to="/ateliers">
              {t("session.seeOthers")}
            </Link>
          </p>
        </>
      )}
    </div>
  );

  return (
    <div className="page narrow session-page">
      <p className="back-link">
        <Link to="/ateliers">{t("session.back")}</Link>
      </p>
      <h1 {...text}>{workshop.title}</h1>

      {/* When, where, seats, then the action: on a phone all of it fits the first screen. */}
      <section className="card session-key-facts" aria-label={t("session.keyFacts")}>
        <dl className="facts facts--compact">
          <dt>{t("session.when")}</dt>
          <dd className="session-key-facts__when capitalize">
            <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} />
          </dd>
          <dt>{t("session.where")}</dt>
          <dd>
            <PlaceWithCommune place={place} />
          </dd>
        </dl>
        {/* The badge says it all (« 4 places libres »): no « Places : » before it. */}
        <p className="badges">
          <SessionSeats seatsLeft={session.seatsLeft} state={seats} />
        </p>
        {/* Offered only when the policy says so (offersOtherDates): none otherwise. */}
        <SessionOtherDates dates={otherDates} />
        {bookingBox}
      </section>

      <p className="lead" {...text}>
        {workshop.summary}
      </p>

      <dl className="facts">
        {session.trainers.length > 0 ? (
          <>
            <dt>{t("session.trainers")}</dt>
            <dd>{formatList(session.trainers.map((trainer) => trainer.firstName))}</dd>
          </>
        ) : null}
        <dt>{t("session.level")}</dt>
        <dd>
          {t(`levels:${workshop.level}`)}
          <span className="block muted">{t(`levels:hint.${workshop.level}`)}</span>
        </dd>
        {workshop.topicCodes.length > 0 ? (
          <>
            <dt>{t("session.topics")}</dt>
            <dd>{workshop.topicCodes.map((code) => t(`topics:${code}`)).join(t("common:listSeparator"))}</dd>
          </>
        ) : null}
      </dl>

      {course ? (
        <section className="card session-course" aria-labelledby="course-title">
          <h2 id="course-title">{t("session.course.title")}</h2>
          <p>
            <Trans
              t={t}
              i18nKey="session.course.explain"
              values={{ title: course.title }}
              components={{ title: <FrenchText /> }}
            />
          </p>
          {course.position > 0 ? (
            <p>{t("session.course.position", { position: course.position, count: course.sessions.length })}</p>
          ) : null}
          {course.enrolment.may ? (
            <p>
              <Link className="button" to={`/parcours/${encodeURIComponent(course.id)}/inscription`}>
                {t("session.course.enrol")}
              </Link>
            </p>
          ) : course.enrolment.reason === "COURSE_FULL" ? (
            <p>{t("session.course.full")}</p>
          ) : (
            <p>{t("session.course.closed")}</p>
          )}
        </section>
      ) : null}

      {workshop.targetSkills.length > 0 ? (
        <section aria-labelledby="learn-title">
          <h2 id="learn-title">{t("session.learn.title")}</h2>
          <p>{t("session.learn.intro")}</p>
          <ul className="skills" {...frenchContent}>
            {workshop.targetSkills.map((skill) => (
              <li key={skill.code}>{skill.statement}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="about-title">
        <h2 id="about-title">{t("session.about")}</h2>
        {paragraphs(workshop.description).map((paragraph, index) => (
          <p key={index} {...text}>
            {paragraph}
          </p>
        ))}
        {workshop.prerequisites ? (
          <>
            <h3>{t("session.prerequisites")}</h3>
            <p {...text}>{workshop.prerequisites}</p>
          </>
        ) : null}
      </section>

      <section aria-labelledby="bring-title">
        <h2 id="bring-title">{t("session.bring.title")}</h2>
        {workshop.whatToBring ? <p {...text}>{workshop.whatToBring}</p> : null}
        <p className="session-devices">
          {workshop.devicesLent ? t("session.bring.devicesLent") : t("session.bring.devicesNotLent")}
        </p>
      </section>

      <section aria-labelledby="place-title">
        <h2 id="place-title">{t("session.place.title")}</h2>
        <SessionPlace place={place} room={session.room} />
        {place.phone ? <p>{t("session.place.question")}</p> : null}
      </section>

      {state === "open" || state === "waitlist" ? (
        <section className="session-action-again" aria-labelledby="again-title">
          <h2 id="again-title">{t("session.again")}</h2>
          {bookingBox}
        </section>
      ) : null}
    </div>
  );
}

import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { placeWithCommune } from "~/domain/places/french-address";
import { textIn } from "./ui/french-content";
import { FrenchText } from "./ui/french-text";
import type { BookAnswer } from "~/domain/policy/booking-policy";
import { SessionSeats, seatsStateOf } from "./session-seats";
import { SessionTime } from "./session-time";

/** What a catalogue card shows; `listUpcomingSessions` items fit it. */
export type SessionCardData = {
  id: string;
  startsAt: Date | string;
  endsAt: Date | string;
  seatsLeft: number;
  /** The policy's answer for an anonymous resident. */
  booking: BookAnswer;
  courseId: string | null;
  workshop: { title: string; summary: string; level: string; topicCodes: string[]; textLang?: string };
  place: { name: string; communeName: string };
};

type Props = {
  session: SessionCardData;
  /** Cards sit under a day heading (h3) in the catalogue. */
  headingLevel?: 3 | 4;
};

export function SessionCard({ session, headingLevel = 4 }: Props) {
  const { t } = useTranslation("catalogue");
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const headingId = `session-${session.id}`;
  const href = `/ateliers/${encodeURIComponent(session.id)}`;
  const text = textIn(session.workshop.textLang ?? "fr");
  // The action says what the page behind it offers: a seat, the waiting list, or only the workshop.
  const action = !session.booking.may
    ? "layout.cardSeeOnly"
    : session.booking.outcome === "WAITLIST"
      ? "layout.cardSeeWaitlist"
      : "card.see";
  return (
    <article className="card session-card" aria-labelledby={headingId}>
      <p className="session-card__when capitalize">
        <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} />
      </p>
      <Heading id={headingId} className="session-card__title">
        <Link to={href} {...text}>
          {session.workshop.title}
        </Link>
      </Heading>
      <p className="badges">
        <SessionSeats seatsLeft={session.seatsLeft} state={seatsStateOf(session.booking)} />
        {session.courseId ? <span className="badge badge--muted">{t("card.course")}</span> : null}
      </p>
      <p {...text}>{session.workshop.summary}</p>
      <dl className="facts facts--inline">
        <dt>{t("card.where")}</dt>
        <dd>
          <FrenchText>{placeWithCommune(session.place)}</FrenchText>
        </dd>
        <dt>{t("card.level")}</dt>
        <dd>{t(`levels:${session.workshop.level}`)}</dd>
        {session.workshop.topicCodes.length > 0 ? (
          <>
            <dt>{t("card.topics")}</dt>
            <dd>{session.workshop.topicCodes.map((code) => t(`topics:${code}`)).join(t("common:listSeparator"))}</dd>
          </>
        ) : null}
      </dl>
      <p className="session-card__action">
        <Link className="button" to={href} aria-describedby={headingId}>
          {t(action)}
        </Link>
      </p>
    </article>
  );
}

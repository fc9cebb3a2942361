import { useTranslation } from "react-i18next";
import { textIn } from "./ui/french-content";
import { PlaceWithCommune } from "./ui/place-with-commune";
import { SessionSeats, type SeatsState } from "./session-seats";
import { SessionTime } from "./session-time";

/** Fits `SessionInfo` / `SessionDetail` from ~/models/session.server. */
export type SessionSummaryData = {
  startsAt: Date | string;
  endsAt: Date | string;
  seatsLeft: number;
  room: string | null;
  workshop: { title: string; textLang?: string };
  place: { name: string; addressLine: string; postcode: string; communeName: string };
};

type Props = {
  session: SessionSummaryData;
  /** The visible heading above the summary, e.g. "Votre atelier". */
  label: string;
  seatsState?: SeatsState;
};

/**
 * A short reminder of which session this is: title, when, where (the place and its commune; the
 * session page has the address) and seats. Short, so that the form below starts on the first screen.
 */
export function SessionSummary({ session, label, seatsState = "open" }: Props) {
  const { t } = useTranslation("catalogue");
  return (
    <section className="card session-summary" aria-labelledby="session-summary-title">
      <p className="session-summary__label">{label}</p>
      <h2 id="session-summary-title" {...textIn(session.workshop.textLang ?? "fr")}>
        {session.workshop.title}
      </h2>
      <dl className="facts facts--compact">
        <dt>{t("session.when")}</dt>
        <dd className="session-summary__when capitalize">
          <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} />
        </dd>
        <dt>{t("session.where")}</dt>
        <dd>
          <PlaceWithCommune place={session.place} />
        </dd>
      </dl>
      <p className="badges">
        <SessionSeats seatsLeft={session.seatsLeft} state={seatsState} />
      </p>
    </section>
  );
}

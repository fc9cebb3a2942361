import { useTranslation } from "react-i18next";
import { frenchContent } from "./ui/french-content";
import { SessionPlaceLines } from "./session-place";
import { SessionSeats, type SeatsState } from "./session-seats";
import { SessionTime } from "./session-time";

/** Fits `SessionInfo` / `SessionDetail` from ~/models/session.server. */
export type SessionSummaryData = {
  startsAt: Date | string;
  endsAt: Date | string;
  seatsLeft: number;
  room: string | null;
  workshop: { title: string };
  place: { name: string; addressLine: string; postcode: string; communeName: string };
};

type Props = {
  session: SessionSummaryData;
  /** The visible heading above the summary, e.g. "Votre atelier". */
  label: string;
  seatsState?: SeatsState;
};

/** A short reminder of which session this is: title, when, where and seats. For forms and confirmations. */
export function SessionSummary({ session, label, seatsState = "open" }: Props) {
  const { t } = useTranslation("catalogue");
  return (
    <section className="card session-summary" aria-labelledby="session-summary-title">
      <p className="session-summary__label">{label}</p>
      <h2 id="session-summary-title" {...frenchContent}>
        {session.workshop.title}
      </h2>
      <dl className="facts">
        <dt>{t("session.when")}</dt>
        <dd className="session-summary__when capitalize">
          <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} />
        </dd>
        <dt>{t("session.where")}</dt>
        <dd>
          <SessionPlaceLines place={session.place} room={session.room} />
        </dd>
        <dt>{t("session.seats")}</dt>
        <dd>
          <SessionSeats seatsLeft={session.seatsLeft} state={seatsState} />
        </dd>
      </dl>
    </section>
  );
}

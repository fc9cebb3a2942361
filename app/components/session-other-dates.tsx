import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaceWithCommune } from "./ui/place-with-commune";
import { SessionSeats } from "./session-seats";
import { SessionTime } from "./session-time";

export type OtherDateWithSeats = {
  id: string;
  startsAt: Date | string;
  endsAt: Date | string;
  seatsLeft: number;
  place: { name: string; communeName: string };
};

/**
 * A full session: the other dates of the same workshop that still have a seat come first, before
 * the waiting list. Draws nothing when there are none.
 */
export function SessionOtherDates({ dates }: { dates: readonly OtherDateWithSeats[] }) {
  const { t } = useTranslation("catalogue");
  if (dates.length === 0) return null;
  return (
    <section className="other-dates" aria-labelledby="other-dates-title">
      <h2 id="other-dates-title">{t("layout.otherDatesTitle")}</h2>
      <ul className="plain other-dates__list">
        {dates.map((date) => (
          <li key={date.id}>
            <Link className="other-dates__link" to={`/ateliers/${encodeURIComponent(date.id)}`}>
              <span className="block capitalize">
                <SessionTime startsAt={date.startsAt} endsAt={date.endsAt} />
              </span>
              <PlaceWithCommune place={date.place} />
            </Link>{" "}
            <SessionSeats seatsLeft={date.seatsLeft} />
          </li>
        ))}
      </ul>
      <p>{t("layout.otherDatesOrWaitlist")}</p>
    </section>
  );
}

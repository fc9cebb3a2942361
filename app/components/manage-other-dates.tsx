import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type OtherDate = { sessionId: string; when: string; placeName: string; seatsLeft: number };

/** "Réserver une autre date": up to three upcoming dates of the same workshop, then the catalogue. */
export function ManageOtherDates({
  dates,
  headingId = "other-dates-title",
}: {
  dates: OtherDate[];
  headingId?: string;
}) {
  const { t } = useTranslation("manage");
  return (
    <section className="manage-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("otherDates.heading")}</h2>
      {dates.length > 0 ? (
        <>
          <p>{t("otherDates.intro")}</p>
          <ul className="manage-list">
            {dates.map((date) => (
              <li key={date.sessionId}>
                <Link className="button" to={`/ateliers/${date.sessionId}`}>
                  {t("otherDates.choose", { when: date.when, place: date.placeName })}
                </Link>{" "}
                <span className="muted">{t("otherDates.seatsLeft", { count: date.seatsLeft })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("otherDates.none")}</p>
      )}
      <p>
        <Link to="/ateliers">{t("otherDates.seeAll")}</Link>
      </p>
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { formatDateLong } from "~/domain/time/format-session-time";
import { parisDayKey } from "~/domain/time/paris-day";
import { fallbackLanguage, isLanguage } from "~/utils/i18n";
import { SessionCard, type SessionCardData } from "./session-card";

type Day<T> = { key: string; date: Date; sessions: T[] };

/** Sessions (already in date order) grouped by their Paris calendar day. */
export function groupByParisDay<T extends { startsAt: Date | string }>(sessions: readonly T[]): Day<T>[] {
  const days: Day<T>[] = [];
  for (const session of sessions) {
    const date = new Date(session.startsAt);
    const key = parisDayKey(date);
    const last = days[days.length - 1];
    if (last && last.key === key) last.sessions.push(session);
    else days.push({ key, date, sessions: [session] });
  }
  return days;
}

type Props = {
  sessions: readonly SessionCardData[];
  /** Distinguishes the two lists ("near you", "elsewhere") on one page. */
  idPrefix: string;
};

/** One heading per day ("Mardi 3 mars 2026"), then that day's cards. */
export function CatalogueDayList({ sessions, idPrefix }: Props) {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : fallbackLanguage;
  return (
    <div className="catalogue-days">
      {groupByParisDay(sessions).map((day) => {
        const headingId = `${idPrefix}-${day.key}`;
        return (
          <section key={day.key} className="catalogue-day" aria-labelledby={headingId}>
            <h3 id={headingId} className="catalogue-day__title capitalize">
              <time dateTime={day.key}>{formatDateLong(day.date, language)}</time>
            </h3>
            <div className="grid">
              {day.sessions.map((session) => (
                <SessionCard key={session.id} session={session} headingLevel={4} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}

import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { SessionTime } from "~/components/session-time";
import { PlaceWithCommune } from "~/components/ui/place-with-commune";

export type SessionListItem = {
  id: string;
  startsAt: Date | string;
  endsAt: Date | string;
  status: "SCHEDULED" | "CANCELLED" | "COMPLETED";
  capacity: number;
  room: string | null;
  waitlistCount: number;
  workshopTitle: string;
  place: { name: string; communeName: string };
  booked: number;
  marked: number;
  toComplete: boolean;
  /** Null when the actor may see the session in the list but not its roster. */
  rosterPath: string | null;
};

/** One card per session of « Mes ateliers »: when, where, what, how full; an unfinished sheet stands out. */
export function RosterSessionList({ sessions }: { sessions: SessionListItem[] }) {
  const { t } = useTranslation("roster");
  return (
    <ul className="plain roster-sessions">
      {sessions.map((session) => (
        <li
          key={session.id}
          className={`card roster-session${session.toComplete ? " roster-session--to-complete" : ""}`}
        >
          <h3>
            {session.rosterPath ? (
              <Link to={session.rosterPath} aria-describedby={`when-${session.id}`}>
                {session.workshopTitle}
              </Link>
            ) : (
              session.workshopTitle
            )}
          </h3>
          <p id={`when-${session.id}`} className="capitalize roster-session__when">
            <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} />
          </p>
          <PlaceWithCommune place={session.place} />
          {session.room ? <p>{t("mySessions.room", { room: session.room })}</p> : null}
          {session.status === "CANCELLED" || session.toComplete ? (
            <p className="badges">
              {session.status === "CANCELLED" ? (
                <span className="badge badge--full">{t("mySessions.cancelled")}</span>
              ) : null}
              {session.toComplete ? (
                <span className="badge roster-badge--todo">{t("mySessions.toComplete")}</span>
              ) : null}
            </p>
          ) : null}
          <p>
            {t("mySessions.seats", { count: session.booked, capacity: session.capacity })}
            {session.waitlistCount > 0 ? (
              <>
                <br />
                {t("mySessions.waitlist", { count: session.waitlistCount })}
              </>
            ) : null}
          </p>
          {session.booked > 0 && session.status !== "CANCELLED" ? (
            <p className="muted">{t("mySessions.marked", { marked: session.marked, expected: session.booked })}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

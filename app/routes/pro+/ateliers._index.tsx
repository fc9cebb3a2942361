import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { RosterSessionList } from "~/components/staff/roster-session-list";
import { groupMySessions } from "~/domain/attendance/my-sessions";
import { markingSummary, sheetToComplete } from "~/domain/attendance/summary";
import { accessFor } from "~/domain/policy/permissions";
import { mayReadRoster } from "~/domain/policy/staff-policy";
import { formatDateLong } from "~/domain/time/format-session-time";
import { listMySessions, mySessionsScope } from "~/models/roster.server";
import rosterStyles from "~/styles/roster.css";
import { getRequestT } from "~/utils/i18n.server";
import { requireStaffWithPermission } from "~/utils/staff-auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: rosterStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "" },
  { name: "robots", content: "noindex" },
];

/** « Mes ateliers »: today's sessions, then those ahead, then the past ones, unfinished sheets first in sight. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffWithPermission(request, "read:session");
  const now = new Date();
  const { t } = await getRequestT(request, "roster");
  const scope = mySessionsScope(accessFor(actor, "read:session") ?? "own", now);
  const { sessions, truncated } = await listMySessions(actor, scope);
  const shown = sessions.map(({ confirmedPersonIds, markedPersonIds, target, ...session }) => {
    const summary = markingSummary(confirmedPersonIds, markedPersonIds);
    return {
      ...session,
      booked: summary.expected,
      marked: summary.marked,
      toComplete: sheetToComplete(session, summary, now),
      rosterPath: mayReadRoster(actor, target) ? `/pro/ateliers/${encodeURIComponent(session.id)}` : null,
    };
  });
  const groups = groupMySessions(shown, now);
  const day = (date: Date) => formatDateLong(date, "fr");
  return {
    title: t("mySessions.title"),
    scope: t(`mySessions.scope.${scope.access}`, {
      from: day(scope.from),
      until: day(scope.until),
      ownFrom: day(scope.ownFrom),
      ownUntil: day(scope.ownUntil),
    }),
    truncated: truncated ? sessions.length : null,
    toCompleteCount: shown.filter((s) => s.toComplete).length,
    groups,
  };
}

export default function MySessions() {
  const { title, scope, truncated, toCompleteCount, groups } = useLoaderData<typeof loader>();
  const { t } = useTranslation("roster");
  // What a trainer needs first: today, then the sheets funders still wait for, then the rest.
  const toComplete = groups.past.filter((session) => session.toComplete);
  const sections = [
    { id: "today", sessions: groups.today },
    ...(toComplete.length > 0 ? [{ id: "toComplete", sessions: toComplete }] : []),
    { id: "upcoming", sessions: groups.upcoming },
    { id: "past", sessions: groups.past.filter((session) => !session.toComplete) },
  ] as const;
  return (
    <div className="page narrow my-sessions">
      <h1>{title}</h1>
      {toCompleteCount > 0 ? (
        <div className="roster-alert" role="status">
          <p className="roster-alert__title">{t("mySessions.toCompleteCount", { count: toCompleteCount })}</p>
          <p>{t("mySessions.toCompleteExplain")}</p>
          <p>
            <a href="#group-toComplete">{t("mySessions.toCompleteLink")}</a>
          </p>
        </div>
      ) : null}
      {sections.map(({ id, sessions }) => (
        <section key={id} aria-labelledby={`group-${id}`}>
          <h2 id={`group-${id}`}>{t(`mySessions.groups.${id}`)}</h2>
          {sessions.length === 0 ? (
            <p className="muted">{t(`mySessions.empty.${id}`)}</p>
          ) : (
            <RosterSessionList sessions={sessions} />
          )}
        </section>
      ))}
      {truncated ? <p>{t("mySessions.truncated", { count: truncated })}</p> : null}
      <p className="muted">{scope}</p>
    </div>
  );
}

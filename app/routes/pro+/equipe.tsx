import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { formatClockTime, formatDateLong } from "~/domain/time/format-session-time";
import { listStaffAccounts } from "~/models/staff-account.server";
import { endStaffLogins } from "~/services/end-staff-logins.server";
import authStyles from "~/styles/auth.css";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { getRequestT } from "~/utils/i18n.server";
import { requireStaffWithPermission } from "~/utils/staff-auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];
export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded?.title ?? "" },
  { name: "robots", content: "noindex" },
];

const PATH = "/pro/equipe";

/** The administrator's team page: who has an account, what they may do, whose logins are open. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffWithPermission(request, "update:staff");
  const { t } = await getRequestT(request, "staff");
  const now = new Date();
  const staff = await listStaffAccounts(prisma, now);
  const url = new URL(request.url);
  const endedId = url.searchParams.get("ferme");
  const endedCount = Number(url.searchParams.get("nombre"));
  const ended = staff.find((s) => s.id === endedId);
  return {
    title: t("team.title"),
    notice: ended
      ? Number.isInteger(endedCount) && endedCount > 0
        ? t("team.ended", { count: endedCount, name: `${ended.firstName} ${ended.lastName}` })
        : t("team.endedNone", { name: `${ended.firstName} ${ended.lastName}` })
      : null,
    staff: staff.map((s) => ({
      ...s,
      lastLogin: s.lastLoginAt
        ? `${formatDateLong(s.lastLoginAt, "fr")}, ${formatClockTime(s.lastLoginAt, "fr")}`
        : null,
    })),
  };
}

/** « Fermer ses connexions »: every open login of one person ends (audited), then back to the list. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffWithPermission(request, "update:staff");
  const form = await readFormData(request);
  const userId = form.get("userId");
  if (typeof userId !== "string" || userId === "" || userId.length > 100) {
    throw new Response(null, { status: 400, statusText: "Bad Request" });
  }
  const outcome = await endStaffLogins({ actor, userId });
  if (!outcome.ok) {
    // No such account (a stale page): the root's « page introuvable ».
    throw new Response(null, outcome.code === "FORBIDDEN" ? { status: 403 } : { status: 404 });
  }
  const search = new URLSearchParams({ ferme: userId, nombre: String(outcome.ended) });
  return redirect(`${PATH}?${search}`, 303);
}

export default function Team() {
  const { title, notice, staff } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      {notice ? (
        <p className="auth-notice" role="status">
          {notice}
        </p>
      ) : null}
      <p className="lead">{t("team.intro")}</p>
      <ul className="team-list">
        {staff.map((person) => {
          const name = `${person.firstName} ${person.lastName}`;
          return (
            <li key={person.id} className="team-card">
              <h2>
                <bdi>{name}</bdi>
                {person.active ? null : <span className="muted">{` ${t("team.inactive")}`}</span>}
              </h2>
              <dl>
                <dt>{t("team.email")}</dt>
                <dd>{person.email}</dd>
                <dt>{t("team.roles")}</dt>
                <dd>{person.roles.map((role) => t(`team.role.${role}`)).join(", ")}</dd>
                <dt>{t("team.places")}</dt>
                <dd>{person.places.length > 0 ? person.places.join(", ") : t("team.allPlaces")}</dd>
                <dt>{t("team.openLogins")}</dt>
                <dd>{person.openLogins}</dd>
                <dt>{t("team.lastLogin")}</dt>
                <dd>{person.lastLogin ?? t("team.never")}</dd>
              </dl>
              <Form method="post">
                <input type="hidden" name="userId" value={person.id} />
                <button type="submit" className="button">
                  {t("team.endLogins")}
                  <span className="visually-hidden">{t("team.endLoginsOf", { name })}</span>
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { holdsStem } from "~/domain/policy/permissions";
import staffStyles from "~/styles/staff.css";
import { prisma } from "~/utils/db.server";
import { getStaffActor } from "~/utils/staff-auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffStyles }];

/** Who is signed in, for the staff bar; pages check their own permission (requireStaffWithPermission). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getStaffActor(request);
  if (!actor) return { staff: null };
  const user = await prisma.staffUser.findUnique({
    where: { id: actor.userId },
    select: { firstName: true, lastName: true },
  });
  return {
    staff: user ? { name: `${user.firstName} ${user.lastName}`, managesTeam: holdsStem(actor, "update:staff") } : null,
  };
}

export default function StaffLayout() {
  const { staff } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      {staff ? (
        <nav className="staff-bar" aria-label={t("bar.label")}>
          <p className="staff-bar__who">{t("bar.signedInAs", { name: staff.name })}</p>
          <ul>
            <li>
              <Link to="/pro/ateliers">{t("bar.mySessions")}</Link>
            </li>
            {staff.managesTeam ? (
              <li>
                <Link to="/pro/equipe">{t("bar.team")}</Link>
              </li>
            ) : null}
            <li>
              <Form method="post" action="/pro/deconnexion">
                <button type="submit" className="button button--link">
                  {t("bar.signOut")}
                </button>
              </Form>
            </li>
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </>
  );
}

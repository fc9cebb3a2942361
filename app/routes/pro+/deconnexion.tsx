import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { recordStaffSignOut } from "~/services/sign-out-staff.server";
import authStyles from "~/styles/auth.css";
import { getRequestT } from "~/utils/i18n.server";
import { endStaffSession, getStaffActor, SIGN_IN_PATH } from "~/utils/staff-auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "" },
  { name: "robots", content: "noindex" },
];

/**
 * « Se déconnecter » is a POST (a link or a prefetch must never sign anyone out). The login ends
 * on the server: the cookie, even copied elsewhere, opens nothing afterwards.
 */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await getStaffActor(request);
  const setCookie = await endStaffSession(request);
  if (actor) await recordStaffSignOut({ userId: actor.userId });
  return redirect(`${SIGN_IN_PATH}?info=deconnecte`, { status: 303, headers: { "Set-Cookie": setCookie } });
}

/** Opened by address: the button, for whoever is signed in; else there is nothing to end. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getStaffActor(request))) throw redirect(SIGN_IN_PATH, 303);
  const { t } = await getRequestT(request, "staff");
  return { title: t("signOut.title") };
}

export default function SignOut() {
  const { title } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      <p className="lead">{t("signOut.intro")}</p>
      <Form method="post">
        <button type="submit" className="button button--primary">
          {t("signOut.submit")}
        </button>
      </Form>
    </div>
  );
}

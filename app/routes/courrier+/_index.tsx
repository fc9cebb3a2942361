import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { manageHeaders, manageMeta } from "~/components/manage-meta";
import { LocalMailNav, LocalMailPager } from "~/components/mail/local-mail-nav";
import { capturedMailPage, localMailAccess, pageFrom } from "~/services/local-mail.server";
import { getRequestT } from "~/utils/i18n.server";
import mailStyles from "~/styles/mail.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: mailStyles }];
export const headers = manageHeaders;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => manageMeta(matches, data?.title);

/** The demo's captured mail, newest first (only from this machine, only without SMTP_URL). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!localMailAccess(request, context).allowed) throw new Response("Not found", { status: 404 });
  const [{ t, language }, mail] = await Promise.all([
    getRequestT(request, "mail"),
    capturedMailPage(pageFrom(new URL(request.url).searchParams.get("page"))),
  ]);
  const when = new Intl.DateTimeFormat(language, {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: "Europe/Paris",
  });
  return {
    title: t("meta.list"),
    ...mail,
    messages: mail.messages.map((m) => ({ ...m, date: when.format(m.date), isoDate: m.date.toISOString() })),
  };
}

export default function LocalMail() {
  const { messages, total, page, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation("mail");
  return (
    <div className="page">
      <h1>{t("list.title")}</h1>
      <LocalMailNav />
      <p className="lead">{t("list.intro")}</p>
      {messages.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <>
          <p>{t("list.count", { count: total })}</p>
          <table className="local-mail-table">
            <caption>{t("list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("list.date")}</th>
                <th scope="col">{t("list.to")}</th>
                <th scope="col">{t("list.subject")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>
                    <time dateTime={message.isoDate}>{message.date}</time>
                  </td>
                  <td dir="ltr">{message.to}</td>
                  <td>
                    <Link to={`/courrier/${encodeURIComponent(message.id)}`}>
                      {message.subject || t("list.noSubject")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LocalMailPager page={page} pages={pages} hrefOf={(p) => `/courrier?page=${p}`} />
        </>
      )}
    </div>
  );
}

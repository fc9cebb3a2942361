import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { manageHeaders, manageMeta } from "~/components/manage-meta";
import { LocalMailNav } from "~/components/mail/local-mail-nav";
import { capturedMessage, localMailAccess } from "~/services/local-mail.server";
import { getRequestT } from "~/utils/i18n.server";
import mailStyles from "~/styles/mail.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: mailStyles }];
export const headers = manageHeaders;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => manageMeta(matches, data?.title);

/** One captured message: headers, its formatted version in a sandboxed frame, its text, its attachments. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  if (!localMailAccess(request, context).allowed) throw new Response("Not found", { status: 404 });
  const [{ t, language }, message] = await Promise.all([
    getRequestT(request, "mail"),
    capturedMessage(params.messageId ?? ""),
  ]);
  if (!message) throw new Response("Not found", { status: 404 });
  const when = new Intl.DateTimeFormat(language, { dateStyle: "full", timeStyle: "medium", timeZone: "Europe/Paris" });
  return {
    title: t("meta.message", { subject: message.subject }),
    message: {
      id: message.id,
      from: message.from,
      to: message.to,
      subject: message.subject,
      messageId: message.messageId,
      date: when.format(message.date),
      isoDate: message.date.toISOString(),
      hasHtml: message.html !== null,
      text: message.text,
      attachments: message.attachments,
    },
  };
}

export default function LocalMailMessage() {
  const { message } = useLoaderData<typeof loader>();
  const { t } = useTranslation("mail");
  const base = `/courrier/${encodeURIComponent(message.id)}`;
  return (
    <div className="page">
      <p>
        <Link to="/courrier">{t("message.back")}</Link>
      </p>
      <h1>{message.subject || t("list.noSubject")}</h1>
      <LocalMailNav />
      <dl className="local-mail-headers">
        <dt>{t("message.from")}</dt>
        <dd dir="ltr">{message.from}</dd>
        <dt>{t("message.to")}</dt>
        <dd dir="ltr">{message.to}</dd>
        <dt>{t("message.date")}</dt>
        <dd>
          <time dateTime={message.isoDate}>{message.date}</time>
        </dd>
        <dt>{t("message.messageId")}</dt>
        <dd dir="ltr">
          <code>{message.messageId}</code>
        </dd>
      </dl>

      <h2>{t("message.attachments")}</h2>
      {message.attachments.length === 0 ? (
        <p>{t("message.noAttachments")}</p>
      ) : (
        <ul>
          {message.attachments.map((attachment) => (
            <li key={attachment.index}>
              <a href={`${base}/piece/${attachment.index}`} download={attachment.filename} dir="ltr">
                {t("message.download", { filename: attachment.filename })}
              </a>{" "}
              <span>
                ({attachment.contentType}, {t("message.size", { size: attachment.size })})
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2>{t("message.html")}</h2>
      {message.hasHtml ? (
        <iframe
          className="local-mail-frame"
          title={t("message.frameTitle", { subject: message.subject })}
          src={`${base}/html`}
          sandbox=""
          referrerPolicy="no-referrer"
        />
      ) : (
        <p>{t("message.noHtml")}</p>
      )}

      <h2>{t("message.text")}</h2>
      {message.text ? <pre className="local-mail-text">{message.text}</pre> : <p>{t("message.noText")}</p>}
    </div>
  );
}

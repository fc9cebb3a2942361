import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { manageHeaders, manageMeta } from "~/components/manage-meta";
import { LocalMailNav, LocalMailPager } from "~/components/mail/local-mail-nav";
import { isOutboxState, OUTBOX_STATES, type OutboxEmailState } from "~/domain/outbox/states";
import { localMailAccess, outboxOverview, pageFrom, sendFailedEmailAgain } from "~/services/local-mail.server";
import { readFormData } from "~/utils/form-data.server";
import { getRequestT } from "~/utils/i18n.server";
import mailStyles from "~/styles/mail.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: mailStyles }];
export const headers = manageHeaders;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => manageMeta(matches, data?.title);

/** The outbox by state (?etat=PENDING|SENT|FAILED|DROPPED), with counts, page by page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!localMailAccess(request, context).allowed) throw new Response("Not found", { status: 404 });
  const params = new URL(request.url).searchParams;
  const requested = params.get("etat");
  const state: OutboxEmailState = isOutboxState(requested) ? requested : "PENDING";
  const [{ t, language }, overview] = await Promise.all([
    getRequestT(request, "mail"),
    outboxOverview(state, pageFrom(params.get("page"))),
  ]);
  const when = new Intl.DateTimeFormat(language, {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: "Europe/Paris",
  });
  const format = (date: Date | null) => (date ? when.format(date) : null);
  return {
    title: t("meta.outbox"),
    notice: params.get("renvoi"),
    ...overview,
    rows: overview.rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      recipient: row.recipient,
      locale: row.locale,
      attempts: row.attempts,
      lastError: row.lastError,
      dropReason: row.dropReason,
      sendAfter: format(row.sendAfter),
      sentAt: format(row.sentAt),
      failedAt: format(row.failedAt),
      droppedAt: format(row.droppedAt),
    })),
  };
}

/** "Envoyer à nouveau" a FAILED row: back in line now; a row no longer FAILED is left alone. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (!localMailAccess(request, context).allowed) throw new Response("Not found", { status: 404 });
  const id = (await readFormData(request)).get("id");
  const outcome = typeof id === "string" && id !== "" ? await sendFailedEmailAgain(id) : { ok: false };
  return redirect(`/courrier/envoi?etat=FAILED&renvoi=${outcome.ok ? "ok" : "non"}`, 303);
}

export default function Outbox() {
  const { state, counts, rows, page, pages, notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation("mail");
  const stateName = t(`outbox.states.${state}`);
  return (
    <div className="page">
      <h1>{t("outbox.title")}</h1>
      <LocalMailNav />
      <p className="lead">{t("outbox.intro")}</p>
      {notice ? (
        <p className="panel" role="status">
          {notice === "ok" ? t("outbox.sentAgain") : t("outbox.notFailed")}
        </p>
      ) : null}
      <nav aria-label={t("outbox.statesLabel")}>
        <ul className="local-mail-states">
          {OUTBOX_STATES.map((s) => (
            <li key={s}>
              <Link to={`/courrier/envoi?etat=${s}`} aria-current={s === state ? "page" : undefined}>
                {t("outbox.stateCount", { state: t(`outbox.states.${s}`), count: counts[s] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <table className="local-mail-table">
          <caption>{t("outbox.caption", { state: stateName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("outbox.kind")}</th>
              <th scope="col">{t("outbox.to")}</th>
              <th scope="col">{t("outbox.language")}</th>
              <th scope="col">{state === "SENT" ? t("outbox.sentAt") : t("outbox.due")}</th>
              <th scope="col">{t("outbox.attempts")}</th>
              {state === "FAILED" ? <th scope="col">{t("outbox.failedAt")}</th> : null}
              {state === "DROPPED" ? <th scope="col">{t("outbox.droppedAt")}</th> : null}
              {state === "DROPPED" ? (
                <th scope="col">{t("outbox.reason")}</th>
              ) : (
                <th scope="col">{t("outbox.error")}</th>
              )}
              {state === "FAILED" ? <th scope="col">{t("outbox.action")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <code>{row.kind}</code>
                </td>
                <td dir="ltr">{row.recipient}</td>
                <td>{row.locale}</td>
                <td>{state === "SENT" ? row.sentAt : row.sendAfter}</td>
                <td>{row.attempts}</td>
                {state === "FAILED" ? <td>{row.failedAt}</td> : null}
                {state === "DROPPED" ? <td>{row.droppedAt}</td> : null}
                <td>
                  <code>{state === "DROPPED" ? row.dropReason : row.lastError}</code>
                </td>
                {state === "FAILED" ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="id" value={row.id} />
                      <button
                        type="submit"
                        aria-label={t("outbox.sendAgainLabel", { kind: row.kind, to: row.recipient })}
                      >
                        {t("outbox.sendAgain")}
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LocalMailPager page={page} pages={pages} hrefOf={(p) => `/courrier/envoi?etat=${state}&page=${p}`} />
    </div>
  );
}

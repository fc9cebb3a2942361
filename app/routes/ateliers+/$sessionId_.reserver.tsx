import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BookingForm } from "~/components/booking-form";
import { SessionErrorBoundary } from "~/components/session-error-boundary";
import { seatsStateOf } from "~/components/session-seats";
import { SessionSummary } from "~/components/session-summary";
import { PhoneLink } from "~/components/ui/phone-link";
import { getSessionDetail, listCommunes } from "~/models/session.server";
import { bookSession } from "~/services/book-session.server";
import { FIND_MY_BOOKINGS_PATH, manageBookingPath } from "~/utils/booking-paths";
import bookingStyles from "~/styles/booking.css";
import { HONEYPOT_FIELD, parseBookingForm, remindersWantedOf, toPersonInput } from "~/utils/booking-form";
import { getLanguage, getT } from "~/utils/i18n.server";
import { readFormData } from "~/utils/form-data.server";
import { refuseBookingOverLimit } from "~/services/rate-limits.server";
import { withRetryAfter } from "~/utils/retry-after-headers";

// A 429's Retry-After (rate limits, docs/decisions/012) reaches the browser.
export const headers = withRetryAfter();

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bookingStyles }];

async function requireSession(sessionId: string | undefined, now: Date) {
  const session = await getSessionDetail(sessionId ?? "", now);
  if (session === null) throw new Response("Not found", { status: 404 });
  return session;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const [language, session, communes] = await Promise.all([
    getLanguage(request),
    requireSession(params.sessionId, now),
    listCommunes(),
  ]);
  return {
    title: getT(language, "booking")("meta.title", { title: session.workshop.title }),
    language,
    session,
    communes,
    findBookingsPath: FIND_MY_BOOKINGS_PATH,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export const ErrorBoundary = SessionErrorBoundary;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const now = new Date();
  const [language, session, communes] = await Promise.all([
    getLanguage(request),
    requireSession(params.sessionId, now),
    listCommunes(),
  ]);
  const submission = parseBookingForm(await readFormData(request), {
    communeIds: new Set(communes.map((commune) => commune.id)),
  });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: [HONEYPOT_FIELD] }), { status: 400 });
  }

  // Rate limits (docs/decisions/012): per address and per contact, before anything is booked.
  const overLimit = await refuseBookingOverLimit({
    address: context.clientAddress ?? "unknown",
    email: submission.value.email,
    phone: submission.value.phone,
    language,
    placePhone: session.place.phone,
  });
  if (overLimit) {
    return data(submission.reply({ formErrors: [overLimit.message] }), { status: 429, headers: overLimit.headers });
  }

  const result = await bookSession({
    sessionId: session.id,
    person: toPersonInput(submission.value, language),
    remindersWanted: remindersWantedOf(submission.value),
    source: "ONLINE",
    now,
  });
  if (!result.ok) {
    if (result.code === "SESSION_NOT_FOUND") throw new Response("Not found", { status: 404 });
    // Decision 010: the same words and status whether or not the contact is known; the form keeps what was typed.
    if (result.code === "PRIVATE_REFUSAL") {
      return data(submission.reply({ formErrors: ["booking:neutralRefusal.session"] }), { status: 200 });
    }
    return data(submission.reply({ formErrors: [`booking:refusal.${result.code}`] }), { status: 409 });
  }
  return redirect(`${manageBookingPath(result.manageToken)}?confirmation=1`, 303);
}

export default function BookSessionPage() {
  const { session, communes, language, findBookingsPath } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("booking");
  // The policy's answer, put in words: the form (a seat or the waiting list), or why not.
  const answer = session.booking;
  const closed = !answer.may;
  const waitlist = answer.may && answer.outcome === "WAITLIST";
  const seats = seatsStateOf(answer);
  const full = seats === "waitlist-full";
  const sessionHref = `/ateliers/${encodeURIComponent(session.id)}`;

  return (
    <div className="page narrow booking-page">
      <p className="back-link">
        <Link to={sessionHref}>{t("backToSession")}</Link>
      </p>
      <h1>{waitlist ? t("waitlistTitle") : t("title")}</h1>
      <SessionSummary session={session} label={t("yourSession")} seatsState={seats} />
      {closed ? (
        <div className="notice">
          <p>{full ? t("policy.waitlistFull") : t("closed")}</p>
          <p>
            <Link className="button" to="/ateliers">
              {t("seeOthers")}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <p className="lead">{waitlist ? t("waitlistIntro") : t("intro")}</p>
          <BookingForm
            lastResult={lastResult}
            communes={communes}
            defaultLanguage={language}
            submitLabel={waitlist ? t("submitWaitlist") : t("submit")}
            findBookingsPath={findBookingsPath}
          />
          <p className="muted">{t("privacy")}</p>
          {session.place.phone ? (
            <p>
              {t("phoneHelp", { place: session.place.name, phone: session.place.phone })}
              <span className="block">
                <PhoneLink phone={session.place.phone} className="phone-link" />
              </span>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

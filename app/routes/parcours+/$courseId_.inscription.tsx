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
import { useBookingForm } from "~/components/booking-form";
import { DocumentTitle } from "~/components/ui/document-title";
import { frenchContent } from "~/components/ui/french-content";
import { SessionErrorBoundary } from "~/components/session-error-boundary";
import { SessionPlace } from "~/components/session-place";
import { SessionSeats } from "~/components/session-seats";
import { SessionTime } from "~/components/session-time";
import { getCourseDetail } from "~/models/course.server";
import { listCommunes } from "~/models/session.server";
import { enrolInCourse, type EnrolInCourseResult } from "~/services/enrol-in-course.server";
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

/** An unknown or deleted course is a 404; one that is over is found, and the page says it is closed. */
async function requireCourse(courseId: string | undefined, now: Date) {
  const course = await getCourseDetail(courseId ?? "", now);
  if (course === null) throw new Response("Not found", { status: 404 });
  return course;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const [language, course, communes] = await Promise.all([
    getLanguage(request),
    requireCourse(params.courseId, now),
    listCommunes(),
  ]);
  return {
    title: getT(language, "booking")("meta.courseTitle", { title: course.title }),
    language,
    course,
    communes,
    findBookingsPath: FIND_MY_BOOKINGS_PATH,
  };
}

// The title is drawn by the page (DocumentTitle): a refused form prefixes it.
export const meta: MetaFunction<typeof loader> = () => [];

export const ErrorBoundary = SessionErrorBoundary;

type Refusal = Extract<EnrolInCourseResult, { ok: false }>["code"];

const REFUSAL_MESSAGES: Record<Exclude<Refusal, "COURSE_NOT_FOUND" | "PRIVATE_REFUSAL">, string> = {
  NOT_ALLOWED: "booking:refusal.NOT_ALLOWED",
  COURSE_EMPTY: "booking:refusal.COURSE_EMPTY",
  ALREADY_ENROLLED: "booking:refusal.ALREADY_ENROLLED",
  BOOKING_CLOSED: "booking:course.closed",
  ALREADY_BOOKED: "booking:refusal.COURSE_ALREADY_BOOKED",
  COURSE_FULL: "booking:refusal.COURSE_FULL",
  OVERLAPS_OTHER_BOOKING: "booking:refusal.COURSE_OVERLAPS",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const now = new Date();
  const [language, course, communes] = await Promise.all([
    getLanguage(request),
    requireCourse(params.courseId, now),
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
    placePhone: course.place.phone,
  });
  if (overLimit) {
    return data(submission.reply({ formErrors: [overLimit.message] }), { status: 429, headers: overLimit.headers });
  }

  const result = await enrolInCourse({
    courseId: course.id,
    person: toPersonInput(submission.value, language),
    remindersWanted: remindersWantedOf(submission.value),
    source: "ONLINE",
    now,
  });
  if (!result.ok) {
    if (result.code === "COURSE_NOT_FOUND") throw new Response("Not found", { status: 404 });
    // Decision 010: the same words and status whether or not the contact is known; the form keeps what was typed.
    if (result.code === "PRIVATE_REFUSAL") {
      return data(submission.reply({ formErrors: ["booking:neutralRefusal.course"] }), { status: 200 });
    }
    return data(submission.reply({ formErrors: [REFUSAL_MESSAGES[result.code]] }), { status: 409 });
  }
  const first = result.bookings[0];
  if (!first) throw new Error("enrolInCourse succeeded without a booking");
  return redirect(`${manageBookingPath(first.manageToken)}?confirmation=1&parcours=1`, 303);
}

export default function CourseEnrolmentPage() {
  const { title, course, communes, language, findBookingsPath } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("booking");
  // The policy's answer, put in words: the form, "full", or "closed".
  const { enrolment } = course;
  const closed = !enrolment.may && enrolment.reason !== "COURSE_FULL";
  const booking = useBookingForm({
    lastResult,
    communes,
    defaultLanguage: language,
    submitLabel: t("submitCourse"),
    findBookingsPath,
  });

  return (
    <>
      {enrolment.may ? booking.errorSummary : null}
      <div className="page narrow booking-page">
        <DocumentTitle title={title} refused={booking.refused} />
        <p className="back-link">
          <Link to="/ateliers">{t("seeOthers")}</Link>
        </p>
        <h1>{t("course.title")}</h1>
        <section className="card session-summary" aria-labelledby="course-summary-title">
          <h2 id="course-summary-title" {...frenchContent}>
            {course.title}
          </h2>
          <p {...frenchContent}>{course.summary}</p>
          <h3>{t("course.sessions")}</h3>
          <ol className="course-sessions">
            {course.sessions.map((session) => (
              <li key={session.id}>
                <span className="block course-sessions__title">
                  {t("course.sessionLine", { position: session.position, title: session.title })}
                </span>
                <span className="block capitalize">
                  <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} />
                </span>
                <SessionSeats seatsLeft={session.seatsLeft} state={closed ? "closed" : "open"} />
              </li>
            ))}
          </ol>
          <h3>{t("course.where")}</h3>
          <SessionPlace place={course.place} />
        </section>

        {enrolment.may ? (
          <>
            <p className="lead">{t("course.intro")}</p>
            {booking.form}
            <p className="muted">{t("privacy")}</p>
          </>
        ) : (
          <div className="notice">
            <p>{enrolment.reason === "COURSE_FULL" ? t("course.full") : t("course.closed")}</p>
            <p>
              <Link className="button" to="/ateliers">
                {t("seeOthers")}
              </Link>
            </p>
          </div>
        )}
      </div>
    </>
  );
}

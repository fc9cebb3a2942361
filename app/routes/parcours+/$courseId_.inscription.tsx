import type { SubmissionResult } from "@conform-to/react";
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
import { frenchContent } from "~/components/ui/french-content";
import { SessionErrorBoundary } from "~/components/session-error-boundary";
import { SessionPlace } from "~/components/session-place";
import { SessionSeats } from "~/components/session-seats";
import { SessionTime } from "~/components/session-time";
import { getSessionDetail, listFilterOptions, listUpcomingSessions } from "~/models/session.server";
import {
  enrolInCourse,
  FIND_MY_BOOKINGS_PATH,
  manageBookingPath,
  type EnrolInCourseResult,
} from "~/services/booking.server";
import bookingStyles from "~/styles/booking.css";
import { HONEYPOT_FIELD, parseBookingForm, toPersonInput } from "~/utils/booking-form";
import { getLanguage, getT } from "~/utils/i18n.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bookingStyles }];

/** Enough upcoming sessions to reach any course in the catalogue's eight weeks. */
const COURSE_LOOKUP_LIMIT = 1000;

/**
 * The course as its enrolment page needs it, found through its next session: the session
 * model reads a whole course with a session's detail. A course with nothing left to come is not
 * found, like a forged id.
 */
async function requireCourse(courseId: string | undefined, now: Date) {
  const upcoming = await listUpcomingSessions({ now, limit: COURSE_LOOKUP_LIMIT });
  const next = courseId ? upcoming.find((s) => s.courseId === courseId) : undefined;
  const detail = next ? await getSessionDetail(next.id, now) : null;
  if (!detail || !detail.course) throw new Response("Not found", { status: 404 });
  const titles = new Map(upcoming.map((s) => [s.id, s.workshop.title]));
  const running = detail.course.sessions.filter((s) => s.status !== "CANCELLED");
  return {
    id: detail.course.id,
    title: detail.course.title,
    summary: detail.course.summary,
    seatsLeft: detail.course.seatsLeft,
    // All or none: once one session has started, the whole course is closed.
    open: running.length > 0 && running.every((s) => s.status === "SCHEDULED" && s.startsAt > now),
    sessions: running.map((s, index) => ({
      id: s.id,
      position: index + 1,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      seatsLeft: s.seatsLeft,
      title: titles.get(s.id) ?? null,
    })),
    place: detail.place,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const [language, course, { communes }] = await Promise.all([
    getLanguage(request),
    requireCourse(params.courseId, now),
    listFilterOptions(),
  ]);
  return {
    title: getT(language, "booking")("meta.courseTitle", { title: course.title }),
    language,
    course,
    communes,
    findBookingsPath: FIND_MY_BOOKINGS_PATH,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export const ErrorBoundary = SessionErrorBoundary;

type Refusal = Extract<EnrolInCourseResult, { ok: false }>["code"];

const REFUSAL_MESSAGES: Record<Exclude<Refusal, "COURSE_NOT_FOUND">, string> = {
  COURSE_EMPTY: "booking:refusal.COURSE_EMPTY",
  ALREADY_ENROLLED: "booking:refusal.ALREADY_ENROLLED",
  BOOKING_CLOSED: "booking:course.closed",
  ALREADY_BOOKED: "booking:refusal.COURSE_ALREADY_BOOKED",
  COURSE_FULL: "booking:refusal.COURSE_FULL",
  OVERLAPS_OTHER_BOOKING: "booking:refusal.COURSE_OVERLAPS",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const now = new Date();
  const [language, course, { communes }] = await Promise.all([
    getLanguage(request),
    requireCourse(params.courseId, now),
    listFilterOptions(),
  ]);
  const submission = parseBookingForm(await request.formData(), {
    communeIds: new Set(communes.map((commune) => commune.id)),
  });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: [HONEYPOT_FIELD] }), { status: 400 });
  }

  const result = await enrolInCourse({
    courseId: course.id,
    person: toPersonInput(submission.value, language),
    source: "ONLINE",
    now,
  });
  if (!result.ok) {
    if (result.code === "COURSE_NOT_FOUND") throw new Response("Not found", { status: 404 });
    return data(submission.reply({ formErrors: [REFUSAL_MESSAGES[result.code]] }), { status: 409 });
  }
  const first = result.bookings[0];
  if (!first) throw new Error("enrolInCourse succeeded without a booking");
  return redirect(`${manageBookingPath(first.manageToken)}?confirmation=1&parcours=1`, 303);
}

export default function CourseEnrolmentPage() {
  const { course, communes, language, findBookingsPath } = useLoaderData<typeof loader>();
  // Typed by hand, as elsewhere: without the single-fetch type flag, `typeof action` describes
  // the `data()` wrapper rather than the submission result it carries.
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const { t } = useTranslation("booking");
  const canEnrol = course.open && course.seatsLeft > 0;

  return (
    <div className="page narrow booking-page">
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
              {session.title ? (
                <span className="block course-sessions__title">
                  {t("course.sessionLine", { position: session.position, title: session.title })}
                </span>
              ) : null}
              <span className="block capitalize">
                <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} />
              </span>
              <SessionSeats seatsLeft={session.seatsLeft} />
            </li>
          ))}
        </ol>
        <h3>{t("course.where")}</h3>
        <SessionPlace place={course.place} />
      </section>

      {canEnrol ? (
        <>
          <p className="lead">{t("course.intro")}</p>
          <BookingForm
            lastResult={lastResult}
            communes={communes}
            defaultLanguage={language}
            submitLabel={t("submitCourse")}
            findBookingsPath={findBookingsPath}
          />
          <p className="muted">{t("privacy")}</p>
        </>
      ) : (
        <div className="notice">
          <p>{course.open ? t("course.full") : t("course.closed")}</p>
          <p>
            <Link className="button" to="/ateliers">
              {t("seeOthers")}
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}

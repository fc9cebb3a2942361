import { Form, Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import type { CancelReason } from "~/domain/policy/booking-policy";
import type { BookingSummaryView } from "~/services/booking-summary.server";
import { FrenchText } from "./ui/french-text";
import { PhoneLink } from "./ui/phone-link";

/**
 * The policy's reasons a page shows (`mayCancelBooking`). NOT_ALLOWED never reaches one: the
 * loader answers 404 for a booking that is not the reader's.
 */
export type CancelProblem = Exclude<CancelReason, "NOT_ALLOWED">;

type ConfirmProps = {
  booking: Pick<BookingSummaryView, "bookingId" | "status">;
  /** Where "Non, garder ma place" leads back to. */
  keepHref: string;
  /** Sent with the form when the page is not a booking's own (the list of a signed-in resident). */
  withBookingId?: boolean;
};

/**
 * The second step of cancelling: a plain POST form, so it works without JavaScript. Shared by
 * the manage link (/reservation/…/annuler) and the list (/mes-reservations/annuler).
 */
export function ManageCancelConfirm({ booking, keepHref, withBookingId = false }: ConfirmProps) {
  const { t } = useTranslation("manage");
  return (
    <section className="panel panel--warning" aria-labelledby="cancel-question">
      <h1 id="cancel-question">{t("cancel.title")}</h1>
      <p>{booking.status === "WAITLISTED" ? t("cancel.bodyWaitlist") : t("cancel.body")}</p>
      <Form method="post" className="actions">
        {withBookingId ? <input type="hidden" name="bookingId" value={booking.bookingId} /> : null}
        <button type="submit" className="button button--danger">
          {t("cancel.confirm")}
        </button>
        <Link className="button button--primary" to={keepHref}>
          {t("cancel.keep")}
        </Link>
      </Form>
    </section>
  );
}

type ProblemProps = {
  code: CancelProblem;
  place: { name: string; atPlace: string; phone: string | null };
  backHref: string;
  /** The words of the way back: to the booking (manage link) or to the list. */
  backLabel?: "back" | "backToList";
};

/** The 409 answers: the place cancelled the session, already cancelled, or too late (call the place). */
export function ManageCancelProblem({ code, place, backHref, backLabel = "back" }: ProblemProps) {
  const { t } = useTranslation("manage");
  if (code === "SESSION_CANCELLED") {
    return (
      <section className="panel panel--warning" aria-labelledby="cancel-problem">
        <h1 id="cancel-problem">{t("policy.SESSION_CANCELLED.title")}</h1>
        <p className="lead">{t("policy.SESSION_CANCELLED.body")}</p>
        <p>
          <Link className="button" to={backHref}>
            {t(`cancelError.${backLabel}`)}
          </Link>
        </p>
      </section>
    );
  }
  const body =
    code === "ALREADY_CANCELLED" ? (
      t("cancelError.ALREADY_CANCELLED.body")
    ) : (
      <Trans
        t={t}
        i18nKey={place.phone ? "cancelError.SESSION_STARTED.body" : "cancelError.SESSION_STARTED.bodyNoPhone"}
        values={{ place: place.name, atPlace: place.atPlace, phone: place.phone }}
        components={{ place: <FrenchText />, phone: place.phone ? <PhoneLink phone={place.phone} /> : <span /> }}
      />
    );
  return (
    <section className="panel panel--warning" aria-labelledby="cancel-problem">
      <h1 id="cancel-problem">{t(`cancelError.${code}.title`)}</h1>
      <p className="lead">{body}</p>
      <p>
        <Link className="button" to={backHref}>
          {t(`cancelError.${backLabel}`)}
        </Link>
      </p>
    </section>
  );
}

import { Form } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import type { BookingSummaryView } from "~/services/booking-summary.server";
import { PhoneLink } from "./ui/phone-link";

/** The form field that says what the reminders button asks for. */
export const REMINDERS_FIELD = "rappels";
export const REMINDERS_ON = "oui";
export const REMINDERS_OFF = "non";

type Props = {
  booking: Pick<BookingSummaryView, "messages" | "place">;
  justBooked: boolean;
  /** What the last change of the reminders did, to say so. */
  notice: "stopped" | "restarted" | "problem" | null;
};

/**
 * Where this booking's messages go (the contact given with it, decisions/015), whether reminders
 * come, and a button to stop them (or have them again). Without an email: keep the card, or call.
 */
export function ManageMessages({ booking, justBooked, notice }: Props) {
  const { t } = useTranslation("manage");
  const { messages, place } = booking;
  return (
    <section className="manage-section" aria-labelledby="messages-title">
      <h2 id="messages-title">{t("messages.heading")}</h2>
      {notice ? (
        <p className="panel" role="status">
          {t(`messages.notice.${notice}`)}
        </p>
      ) : null}
      {messages.email ? (
        <>
          <p>
            <Trans
              t={t}
              i18nKey={justBooked ? "messages.confirmationTo" : "messages.sentTo"}
              values={{ email: messages.email }}
              components={{ email: <bdi dir="ltr" className="nowrap" /> }}
            />
          </p>
          <p>{messages.remindersWanted ? t("messages.remindersOn") : t("messages.remindersOff")}</p>
          {messages.changeReminders.may ? (
            <Form method="post">
              <input
                type="hidden"
                name={REMINDERS_FIELD}
                value={messages.remindersWanted ? REMINDERS_OFF : REMINDERS_ON}
              />
              <button type="submit" className="button">
                {messages.remindersWanted ? t("messages.stopReminders") : t("messages.restartReminders")}
              </button>
            </Form>
          ) : null}
        </>
      ) : (
        <p>
          <Trans
            t={t}
            i18nKey={place.phone ? "messages.noEmail" : "messages.noEmailNoPhone"}
            values={{ place: place.name, phone: place.phone }}
            components={{ place: <bdi />, phone: place.phone ? <PhoneLink phone={place.phone} /> : <span /> }}
          />
        </p>
      )}
    </section>
  );
}

import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ATTENDANCE_STATUSES, isAttendanceStatus, type AttendanceStatus } from "~/domain/attendance/marks";

/** What the roster's action answers a tap sent from the page (with JavaScript). */
export type MarkAnswer =
  | { personId: string; status: AttendanceStatus; outcome: "marked" | "unchanged" | "superseded"; error?: undefined }
  | { personId: string; error: string; status?: undefined; outcome?: undefined };

type Props = {
  personId: string;
  name: string;
  /** The mark the server holds (after every tap, the page reads it again). */
  mark: AttendanceStatus | null;
  /** A refusal the page came back with (without JavaScript). */
  error: string | null;
};

/**
 * Four buttons, one tap each. Without JavaScript it is a plain form per person (the server sends
 * the page back at this person). With it, each person has their own fetcher: the pressed button
 * shows at once, the tap's time goes with it so the last tap wins on the server whatever the order
 * the requests land in, and the page then shows the mark the server kept.
 */
export function RosterMarkForm({ personId, name, mark, error }: Props) {
  const { t } = useTranslation("roster");
  const fetcher = useFetcher<MarkAnswer>({ key: `mark-${personId}` });
  const pending = fetcher.formData?.get("status");
  const shown = isAttendanceStatus(pending) ? pending : mark;
  const refusal = fetcher.state === "idle" && fetcher.data?.error ? fetcher.data.error : error;
  const superseded = fetcher.state === "idle" && fetcher.data?.outcome === "superseded" ? fetcher.data.status : null;
  const groupId = `presence-${personId}`;

  return (
    <fetcher.Form method="post" className="roster-mark" preventScrollReset>
      <input type="hidden" name="intent" value="mark" />
      <input type="hidden" name="personId" value={personId} />
      <fieldset aria-describedby={`${groupId}-current`}>
        <legend className="visually-hidden">{t("roster.markGroup", { name })}</legend>
        <p id={`${groupId}-current`} className="roster-mark__current">
          {shown ? t("roster.current", { mark: t(`roster.mark.${shown}`) }) : t("roster.notMarked")}
        </p>
        <div className="roster-mark__buttons">
          {ATTENDANCE_STATUSES.map((status) => (
            <button
              key={status}
              type="submit"
              name="status"
              value={status}
              aria-pressed={shown === status}
              className={`roster-mark__button roster-mark__button--${status.toLowerCase()}`}
              onClick={(event) => {
                event.preventDefault();
                void fetcher.submit(
                  { intent: "mark", personId, status, tappedAt: String(Date.now()), via: "fetcher" },
                  { method: "post", preventScrollReset: true },
                );
              }}
            >
              {t(`roster.mark.${status}`)}
            </button>
          ))}
        </div>
      </fieldset>
      {refusal ? (
        <p className="field-error" role="alert">
          {t(`roster.errors.${refusal}`, { defaultValue: t("roster.errors.BAD_MARK") })}
        </p>
      ) : null}
      {superseded ? <p role="status">{t("roster.superseded", { mark: t(`roster.mark.${superseded}`) })}</p> : null}
    </fetcher.Form>
  );
}

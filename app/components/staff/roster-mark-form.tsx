import { Form, useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { ATTENDANCE_STATUSES, type AttendanceStatus } from "~/domain/attendance/marks";

/** What the roster's action answers a tap sent from the page (with JavaScript). */
export type MarkAnswer =
  | { personId: string; status: AttendanceStatus; outcome: "marked" | "unchanged" | "superseded"; error?: undefined }
  | { personId: string; error: string; status?: undefined; outcome?: undefined };

/** What the page's own fetcher gets back: the server's answer, or word that the tap did not get through. */
export type TapResult = MarkAnswer | { unsent: true; personId?: undefined; error?: undefined; status?: undefined };

/** Resent on its own after 1, 2, 4 … 30 s; after that many failures, only when the network comes back or on the next tap. */
export const AUTO_RETRIES = 10;
const MAX_DELAY_MS = 30_000;
const retryDelay = (failures: number) => Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.max(0, failures - 1));

/** Any tap on the roster wakes every tap still waiting (the signal is probably back). */
const RESEND_EVENT = "roster:resend";

/** A clock for durations only: the phone's wall clock (possibly wrong) never reaches the server. */
const clock = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

type Tap = { id: number; status: AttendanceStatus; startedAt: number };
let tapIds = 0;

type Props = {
  sessionId: string;
  personId: string;
  name: string;
  /** The mark the server held when the page was read. */
  mark: AttendanceStatus | null;
  /** A refusal the page came back with (without JavaScript). */
  error: string | null;
  /** The server kept this mark (the page counts the marks from it). */
  onKept?: (personId: string, status: AttendanceStatus) => void;
};

/**
 * Four buttons, one tap each. Without JavaScript it is a plain form per person (the server sends
 * the page back at this person). With it, the pressed button shows at once and the tap waits on
 * the page until the server has it: if the request fails (no signal, a server error, too slow),
 * it says so in words and is sent again — after a growing pause, when the network comes back,
 * and on the next tap anywhere on the roster. It carries how long ago it was made, so a tap sent
 * late keeps its place: the last tap wins on the server whatever the order requests land in.
 */
export function RosterMarkForm({ sessionId, personId, name, mark, error, onKept }: Props) {
  const { t } = useTranslation("roster");
  const fetcherKey = `mark-${sessionId}-${personId}`;
  const fetcher = useFetcher<TapResult>({ key: fetcherKey });
  const [waiting, setWaiting] = useState<Tap | null>(null);
  const [failures, setFailures] = useState(0);
  const [answer, setAnswer] = useState<MarkAnswer | null>(null);
  const waitingRef = useRef<Tap | null>(null);
  /** The tap on its way, and whether the fetcher was seen busy with it (its answer comes after). */
  const sentRef = useRef<{ tap: Tap; busy: boolean } | null>(null);
  const { submit } = fetcher;
  const stateRef = useRef(fetcher.state);
  stateRef.current = fetcher.state;

  const send = useCallback(
    (tap: Tap) => {
      // Sent while an earlier tap is still on its way: that one is dropped, the next answer is this one's.
      sentRef.current = { tap, busy: stateRef.current !== "idle" };
      void submit(
        {
          intent: "mark",
          personId,
          status: tap.status,
          elapsedMs: String(Math.max(0, Math.round(clock() - tap.startedAt))),
          via: "fetcher",
        },
        { method: "post", preventScrollReset: true },
      );
    },
    [personId, submit],
  );

  // The request came back (or gave up): acknowledged, refused, or still to send.
  useEffect(() => {
    if (sentRef.current === null) return;
    if (fetcher.state !== "idle") {
      sentRef.current.busy = true;
      return;
    }
    if (!sentRef.current.busy) return;
    const sent = sentRef.current.tap;
    sentRef.current = null;
    const result = fetcher.data;
    if (!result || "unsent" in result) {
      if (waitingRef.current?.id === sent.id) setFailures((n) => n + 1);
      return;
    }
    if (waitingRef.current?.id === sent.id) {
      waitingRef.current = null;
      setWaiting(null);
      setFailures(0);
    }
    setAnswer(result);
    if (result.status) onKept?.(personId, result.status);
  }, [fetcher.state, fetcher.data, onKept, personId]);

  // A tap still waiting is sent again after a pause that grows, up to AUTO_RETRIES times.
  useEffect(() => {
    if (!waiting || failures === 0 || failures > AUTO_RETRIES || fetcher.state !== "idle") return;
    const timer = window.setTimeout(() => {
      if (waitingRef.current && sentRef.current === null) send(waitingRef.current);
    }, retryDelay(failures));
    return () => window.clearTimeout(timer);
  }, [waiting, failures, fetcher.state, send]);

  // … and at once when the network comes back, or when another tap is made.
  useEffect(() => {
    const resend = () => {
      if (waitingRef.current && sentRef.current === null) send(waitingRef.current);
    };
    window.addEventListener("online", resend);
    window.addEventListener(RESEND_EVENT, resend);
    return () => {
      window.removeEventListener("online", resend);
      window.removeEventListener(RESEND_EVENT, resend);
    };
  }, [send]);

  const tapped = (status: AttendanceStatus) => {
    const tap: Tap = { id: ++tapIds, status, startedAt: clock() };
    waitingRef.current = tap;
    setWaiting(tap);
    setFailures(0);
    setAnswer(null);
    send(tap);
    window.dispatchEvent(new Event(RESEND_EVENT));
  };

  const kept = answer?.status ?? mark;
  const shown = waiting?.status ?? kept;
  const refusal = waiting ? null : answer ? (answer.error ?? null) : error;
  const superseded = !waiting && answer?.outcome === "superseded" ? answer.status : null;
  const unsent = waiting !== null && failures > 0 && fetcher.state === "idle";
  const groupId = `presence-${personId}`;

  return (
    // Remix's own Form (not fetcher.Form): it has the router learn this page's routes as soon as it
    // is drawn, so the first tap needs no route lookup — which would fail without signal.
    <Form method="post" navigate={false} fetcherKey={fetcherKey} className="roster-mark" preventScrollReset>
      <input type="hidden" name="intent" value="mark" />
      <input type="hidden" name="personId" value={personId} />
      <fieldset aria-describedby={`${groupId}-current`}>
        <legend className="visually-hidden">{t("roster.markGroup", { name })}</legend>
        <p id={`${groupId}-current`} className="roster-mark__current">
          {kept ? t("roster.current", { mark: t(`roster.mark.${kept}`) }) : t("roster.notMarked")}
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
                tapped(status);
              }}
            >
              {t(`roster.mark.${status}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <p role="status" className={unsent ? "roster-mark__unsent" : "roster-mark__sending"}>
        {waiting
          ? t(unsent ? "roster.tap.unsent" : "roster.tap.sending", { mark: t(`roster.mark.${waiting.status}`) })
          : null}
      </p>
      {refusal ? (
        <p className="field-error" role="alert">
          {t(`roster.errors.${refusal}`, { defaultValue: t("roster.errors.BAD_MARK") })}
        </p>
      ) : null}
      {superseded ? <p role="status">{t("roster.superseded", { mark: t(`roster.mark.${superseded}`) })}</p> : null}
    </Form>
  );
}

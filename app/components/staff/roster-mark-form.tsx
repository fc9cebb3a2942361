import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { ATTENDANCE_STATUSES, type AttendanceStatus } from "~/domain/attendance/marks";

/** What the roster's action answers a tap sent from the page (with JavaScript). */
export type MarkAnswer =
  | { personId: string; status: AttendanceStatus; outcome: "marked" | "unchanged" | "superseded"; error?: undefined }
  | { personId: string; error: string; status?: undefined; outcome?: undefined };

/** How long a tap may take before the page counts it as not sent (it is sent again; the server keeps one mark). */
const TAP_TIMEOUT_MS = 20_000;

const REFUSALS = ["NOT_ON_ROSTER", "BAD_MARK", "NOT_YET_OPEN", "SESSION_CANCELLED", "NOT_ALLOWED", "NOT_FOUND"];
const OUTCOMES = ["superseded", "unchanged", "marked"] as const;

/**
 * One tap sent to the roster's action, by the page itself rather than through the router: a failed
 * router request (or the page re-read the router does after it) replaces the whole roster with the
 * error page, and the tap would be lost. Undefined: not sent (no signal, a server error, no answer
 * in time). The action's answer comes in Remix's single-fetch encoding; only its words are needed
 * (a status, an outcome or a refusal code, all distinct), so they are looked for in the text.
 */
async function sendTap(url: string, fields: Record<string, string>): Promise<MarkAnswer | "login" | undefined> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), TAP_TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      method: "POST",
      body: new URLSearchParams(fields),
      credentials: "same-origin",
      signal: controller.signal,
    });
    if (response.status >= 500) return undefined;
    // A redirect in single-fetch form: the login ended.
    if (response.status === 202) return "login";
    const text = await response.text();
    const said = (word: string) => text.includes(`"${word}"`);
    if (!response.ok) return { personId: fields.personId, error: REFUSALS.find(said) ?? "BAD_MARK" };
    const status = ATTENDANCE_STATUSES.find(said);
    const outcome = OUTCOMES.find(said);
    if (!status || !outcome) return undefined;
    return { personId: fields.personId, status, outcome };
  } catch {
    return undefined;
  } finally {
    window.clearTimeout(timer);
  }
}

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
  const [waiting, setWaiting] = useState<Tap | null>(null);
  const [failures, setFailures] = useState(0);
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<MarkAnswer | null>(null);
  const waitingRef = useRef<Tap | null>(null);
  /** The tap on its way: one request at a time per person; a newer tap goes once it is back. */
  const sentRef = useRef<Tap | null>(null);
  const url = `/pro/ateliers/${encodeURIComponent(sessionId)}.data?index`;

  const send = useCallback(
    async (tap: Tap) => {
      sentRef.current = tap;
      setSending(true);
      const result = await sendTap(url, {
        intent: "mark",
        personId,
        status: tap.status,
        elapsedMs: String(Math.max(0, Math.round(clock() - tap.startedAt))),
        via: "fetcher",
      });
      sentRef.current = null;
      setSending(false);
      if (result === "login") {
        window.location.reload();
        return;
      }
      const newer = waitingRef.current !== null && waitingRef.current.id !== tap.id ? waitingRef.current : null;
      if (result === undefined) {
        if (!newer) setFailures((n) => n + 1);
        else void send(newer);
        return;
      }
      setAnswer(result);
      if (result.status) onKept?.(personId, result.status);
      if (newer) {
        void send(newer);
        return;
      }
      waitingRef.current = null;
      setWaiting(null);
      setFailures(0);
    },
    [url, personId, onKept],
  );

  // A tap still waiting is sent again after a pause that grows, up to AUTO_RETRIES times.
  useEffect(() => {
    if (!waiting || failures === 0 || failures > AUTO_RETRIES || sending) return;
    const timer = window.setTimeout(() => {
      if (waitingRef.current && sentRef.current === null) void send(waitingRef.current);
    }, retryDelay(failures));
    return () => window.clearTimeout(timer);
  }, [waiting, failures, sending, send]);

  // … and at once when the network comes back, or when another tap is made.
  useEffect(() => {
    const resend = () => {
      if (waitingRef.current && sentRef.current === null) void send(waitingRef.current);
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
    // One request at a time: a tap made while another is on its way goes when that one is back.
    if (sentRef.current === null) void send(tap);
    window.dispatchEvent(new Event(RESEND_EVENT));
  };

  const kept = answer?.status ?? mark;
  const shown = waiting?.status ?? kept;
  const refusal = waiting ? null : answer ? (answer.error ?? null) : error;
  const superseded = !waiting && answer?.outcome === "superseded" ? answer.status : null;
  const unsent = waiting !== null && failures > 0 && !sending;
  const groupId = `presence-${personId}`;

  return (
    <form method="post" action={`/pro/ateliers/${encodeURIComponent(sessionId)}?index`} className="roster-mark">
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
    </form>
  );
}

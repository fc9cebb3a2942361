// PLACEHOLDER, to be replaced at merge by the templates helper's composer (issue 8 point 3). It
// exists so the server's sender runs on this branch: a bare message per row, the link the row's
// payload carries today, and an .ics for a booking. It reads nothing but the row.
import { buildCalendar } from "~/utils/ics.server";
import { env } from "~/utils/env.server";

import type { ComposeEmail, Composition, EmailAttachment } from "./contract";

const BOOKING_KINDS = new Set(["booking-confirmed", "booking-promoted", "booking-cancelled"]);

export const composeEmail: ComposeEmail = (row, now) => Promise.resolve(composePlaceholder(row, now));

function composePlaceholder(row: Parameters<ComposeEmail>[0], now: Date): Composition {
  const { payload } = row;
  const path =
    typeof payload.url === "string" ? payload.url : typeof payload.managePath === "string" ? payload.managePath : null;
  const link = path ? new URL(path, env.APP_URL).href : null;
  const title = typeof payload.workshopTitle === "string" ? payload.workshopTitle : "";
  const lines = [`Passerelle: ${row.kind}`, title, link].filter((line): line is string => Boolean(line));
  const attachments: EmailAttachment[] = [];
  if (BOOKING_KINDS.has(row.kind) && typeof payload.startsAt === "string" && typeof payload.endsAt === "string") {
    attachments.push({
      filename: "atelier.ics",
      contentType: "text/calendar; charset=utf-8",
      content: buildCalendar({
        uid: `booking-${row.bookingId ?? row.id}@${new URL(env.APP_URL).hostname}`,
        title,
        startsAt: new Date(payload.startsAt),
        endsAt: new Date(payload.endsAt),
        location: typeof payload.placeName === "string" ? payload.placeName : null,
        cancelled: row.kind === "booking-cancelled",
        sequence: 0,
        now,
      }),
    });
  }
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return {
    send: {
      to: row.recipient,
      subject: `Passerelle: ${row.kind}${title ? ` (${title})` : ""}`,
      text: lines.join("\n\n"),
      html: `<!doctype html><html lang="${escape(row.locale)}"><body>${lines.map((l) => `<p>${escape(l)}</p>`).join("")}</body></html>`,
      attachments,
      headers: {},
    },
  };
}

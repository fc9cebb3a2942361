// A composer and a transport for the sender's tests: the composer says what a row's payload tells
// it to (send, drop, throw), the transport records what it was given or fails on demand.
import type { ComposeEmail } from "~/services/email/contract";
import type { MailTransport, OutgoingMail } from "~/utils/mail-transport.server";

/** payload.drop: drop with that reason; payload.composeError: throw it; else a small message. */
export const testComposer: ComposeEmail = async (row) => {
  if (typeof row.payload.drop === "string") return { drop: row.payload.drop };
  if (typeof row.payload.composeError === "string") throw new Error(row.payload.composeError);
  return {
    send: {
      to: row.recipient,
      subject: `Test ${row.kind} ${row.id}`,
      text: `Texte ${row.id}`,
      html: `<p>HTML ${row.id}</p>`,
      attachments: [
        { filename: "atelier.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" },
      ],
      headers: { "X-Test-Row": row.id },
    },
  };
};

export type RecordingTransport = MailTransport & { sent: OutgoingMail[]; failWith: Error | null };

export function recordingTransport(): RecordingTransport {
  const transport: RecordingTransport = {
    mode: "smtp",
    sent: [],
    failWith: null,
    async send(mail) {
      if (transport.failWith) throw transport.failWith;
      transport.sent.push(mail);
    },
    close() {},
  };
  return transport;
}

// A real SMTP server on loopback for the browser journeys: it accepts every message, parses it,
// and shows what it received on a small HTTP API (GET /messages, DELETE /messages).
import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message as the sink's API returns it (read by tests/e2e/support/smtp-sink.ts). */
export type Received = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename?: string; contentType: string; content: string }[];
  receivedAt: string;
};

const smtpPort = Number(process.env.SMTP_PORT ?? 2525);
const apiPort = Number(process.env.SMTP_API_PORT ?? smtpPort + 1);
const messages: Received[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        messages.push({
          from: mail.from?.text ?? "",
          to: (session.envelope.rcptTo ?? []).map((rcpt) => rcpt.address),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : "",
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content.toString("utf8"),
          })),
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(smtpPort, "127.0.0.1");

http
  .createServer((req, res) => {
    if (req.url?.startsWith("/messages") && req.method === "DELETE") {
      messages.length = 0;
      res.writeHead(204).end();
      return;
    }
    if (req.url?.startsWith("/messages")) {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(messages));
      return;
    }
    res.writeHead(404).end();
  })
  .listen(apiPort, "127.0.0.1", () => console.log(`SMTP sink on ${smtpPort}, API on ${apiPort}`));

// How a composed email leaves the process: over SMTP (SMTP_URL, pooled: one transport per process)
// or, with no SMTP_URL, captured as an .eml file the local mail view reads (the demo needs no mail
// server). The sender knows only `send` (docs/decisions/017).
import fs from "node:fs";
import path from "node:path";

import nodemailer from "nodemailer";

export type OutgoingMail = {
  /** `<outbox.{rowId}@{host}>`: the same for every attempt at one row. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
  headers: Record<string, string>;
};

export type MailTransport = {
  mode: "smtp" | "capture";
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/** A message's file name in the capture folder: its Message-ID, reduced to safe characters. */
export function capturedFileNameOf(messageId: string): string {
  return `${messageId.replace(/^<|>$/g, "").replace(/[^\w.-]/g, "_")}.eml`;
}

function toNodemailer(mail: OutgoingMail) {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: mail.headers,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}

export function createSmtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  url.searchParams.set("pool", "true");
  url.searchParams.set("maxConnections", "2");
  // Short enough that a silent server fails an attempt well within the sender's lease.
  url.searchParams.set("connectionTimeout", "10000");
  url.searchParams.set("greetingTimeout", "10000");
  url.searchParams.set("socketTimeout", "30000");
  const transporter = nodemailer.createTransport(url.href);
  return {
    mode: "smtp",
    async send(mail) {
      await transporter.sendMail(toNodemailer(mail));
    },
    close: () => transporter.close(),
  };
}

export function createCaptureTransport(folder: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    mode: "capture",
    async send(mail) {
      const info = await transporter.sendMail(toNodemailer(mail));
      await fs.promises.mkdir(folder, { recursive: true });
      const file = path.join(folder, capturedFileNameOf(mail.messageId));
      // Written whole then renamed: the mail view never reads half a message; a repeat replaces it.
      const partial = `${file}.${process.pid}.part`;
      await fs.promises.writeFile(partial, info.message as Buffer);
      await fs.promises.rename(partial, file);
    },
    close: () => transporter.close(),
  };
}

export function createMailTransport(options: { smtpUrl?: string; captureDir: string }): MailTransport {
  return options.smtpUrl ? createSmtpTransport(options.smtpUrl) : createCaptureTransport(options.captureDir);
}

// Reading the mail the capture transport wrote (mail-transport.server.ts): one .eml file per
// message, named after its Message-ID. Only the local mail view reads it.
import fs from "node:fs";
import path from "node:path";

import { simpleParser } from "mailparser";

/** A captured message's id is its file name without .eml: nothing that could leave the folder. */
export function isCapturedMailId(id: string): boolean {
  return /^[\w-][\w.-]{0,200}$/.test(id) && !id.includes("..");
}

export type CapturedMailSummary = { id: string; to: string; subject: string; date: Date };

export type CapturedMail = CapturedMailSummary & {
  from: string;
  messageId: string;
  html: string | null;
  text: string | null;
  attachments: { index: number; filename: string; contentType: string; size: number }[];
};

async function filesNewestFirst(folder: string): Promise<{ id: string; file: string; mtimeMs: number }[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(folder);
  } catch {
    return [];
  }
  const files = await Promise.all(
    names
      .filter((name) => name.endsWith(".eml"))
      .map(async (name) => {
        const file = path.join(folder, name);
        const stat = await fs.promises.stat(file).catch(() => null);
        return stat ? { id: name.slice(0, -".eml".length), file, mtimeMs: stat.mtimeMs } : null;
      }),
  );
  return files
    .filter((entry): entry is NonNullable<typeof entry> => entry !== null)
    .sort((a, b) => b.mtimeMs - a.mtimeMs || a.id.localeCompare(b.id));
}

async function parse(file: string) {
  return simpleParser(await fs.promises.readFile(file));
}

function addressText(value: { text: string } | { text: string }[] | undefined): string {
  if (!value) return "";
  return Array.isArray(value) ? value.map((v) => v.text).join(", ") : value.text;
}

/** Newest first, `take` from `skip`, with the total for paging. */
export async function listCapturedMail(
  folder: string,
  skip: number,
  take: number,
): Promise<{ total: number; messages: CapturedMailSummary[] }> {
  const files = await filesNewestFirst(folder);
  const messages = await Promise.all(
    files.slice(skip, skip + take).map(async ({ id, file, mtimeMs }) => {
      const mail = await parse(file);
      return { id, to: addressText(mail.to), subject: mail.subject ?? "", date: mail.date ?? new Date(mtimeMs) };
    }),
  );
  return { total: files.length, messages };
}

export async function readCapturedMail(folder: string, id: string): Promise<CapturedMail | null> {
  if (!isCapturedMailId(id)) return null;
  const file = path.join(folder, `${id}.eml`);
  const mail = await parse(file).catch(() => null);
  if (!mail) return null;
  return {
    id,
    from: addressText(mail.from),
    to: addressText(mail.to),
    subject: mail.subject ?? "",
    date: mail.date ?? (await fs.promises.stat(file)).mtime,
    messageId: mail.messageId ?? "",
    html: typeof mail.html === "string" ? mail.html : null,
    text: mail.text ?? null,
    attachments: mail.attachments.map((a, index) => ({
      index,
      filename: a.filename ?? `piece-${index + 1}`,
      contentType: a.contentType,
      size: a.size,
    })),
  };
}

export async function readCapturedAttachment(
  folder: string,
  id: string,
  index: number,
): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
  if (!isCapturedMailId(id)) return null;
  const mail = await parse(path.join(folder, `${id}.eml`)).catch(() => null);
  const attachment = mail?.attachments[index];
  if (!attachment) return null;
  return {
    filename: attachment.filename ?? `piece-${index + 1}`,
    contentType: attachment.contentType,
    content: attachment.content,
  };
}

// The local mail area's service: what the capture transport writes, it reads back (headers, HTML,
// text, attachments); "send again" puts only a FAILED row back in line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeEach, describe, expect, test } from "vitest";

import { prisma } from "~/utils/db.server";
import { createCaptureTransport } from "~/utils/mail-transport.server";
import {
  isCapturedMailId,
  listCapturedMail,
  readCapturedAttachment,
  readCapturedMail,
} from "~/utils/mail-capture.server";

import { NOW } from "../../tests/fixtures/rows";
import { resetDatabase } from "../../tests/setup/db";
import { sendFailedEmailAgain } from "./local-mail.server";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-mail-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const ICS = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Découvrir la tablette\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

function mail(n: number) {
  return {
    messageId: `<outbox.row${n}@passerelle.test>`,
    from: "Passerelle <ne-pas-repondre@passerelle.test>",
    to: `personne${n}@exemple.fr`,
    subject: `Votre atelier n°${n} est réservé`,
    html: `<p style="font-size:20px">Bonjour n°${n}</p>`,
    text: `Bonjour n°${n}`,
    attachments: [{ filename: "atelier.ics", contentType: "text/calendar; charset=utf-8", content: ICS }],
    headers: { "List-Unsubscribe": "<https://passerelle.test/stop>" },
  };
}

describe("captured mail", () => {
  test("a captured message reads back whole: headers, HTML, text and its attachment", async () => {
    const transport = createCaptureTransport(folder);
    await transport.send(mail(1));

    const read = await readCapturedMail(folder, "outbox.row1_passerelle.test");
    expect(read).toMatchObject({
      id: "outbox.row1_passerelle.test",
      from: '"Passerelle" <ne-pas-repondre@passerelle.test>',
      to: "personne1@exemple.fr",
      subject: "Votre atelier n°1 est réservé",
      messageId: "<outbox.row1@passerelle.test>",
      html: '<p style="font-size:20px">Bonjour n°1</p>',
      text: "Bonjour n°1",
    });
    expect(read?.attachments).toEqual([
      { index: 0, filename: "atelier.ics", contentType: "text/calendar", size: Buffer.byteLength(ICS) },
    ]);
    const attachment = await readCapturedAttachment(folder, "outbox.row1_passerelle.test", 0);
    expect(attachment?.content.toString("utf8")).toBe(ICS);
    expect(await readCapturedAttachment(folder, "outbox.row1_passerelle.test", 1)).toBeNull();
  });

  test("sending one row again replaces its file: one message per row in the list", async () => {
    const transport = createCaptureTransport(folder);
    await transport.send(mail(2));
    await transport.send({ ...mail(2), subject: "Renvoyé" });
    const { messages } = await listCapturedMail(folder, 0, 100);
    expect(messages.filter((m) => m.id === "outbox.row2_passerelle.test").map((m) => m.subject)).toEqual(["Renvoyé"]);
  });

  test("lists newest first, page by page, with the total", async () => {
    const transport = createCaptureTransport(folder);
    for (const n of [10, 11, 12]) {
      await transport.send(mail(n));
      const file = path.join(folder, `outbox.row${n}_passerelle.test.eml`);
      const at = new Date(Date.UTC(2030, 0, 1, 0, 0, n));
      fs.utimesSync(file, at, at);
    }
    const first = await listCapturedMail(folder, 0, 2);
    expect(first.messages.map((m) => m.to)).toEqual(["personne12@exemple.fr", "personne11@exemple.fr"]);
    const second = await listCapturedMail(folder, 2, 1);
    expect(second.messages.map((m) => m.to)).toEqual(["personne10@exemple.fr"]);
    expect(first.total).toBe(second.total);
  });

  test("an id that could leave the folder is refused, and an unknown one is not found", async () => {
    for (const id of ["../secret", "..", ".hidden", "a/b", "a\\b", ""]) {
      expect(isCapturedMailId(id), id).toBe(false);
      expect(await readCapturedMail(folder, id)).toBeNull();
    }
    expect(await readCapturedMail(folder, "outbox.unknown")).toBeNull();
    expect(await listCapturedMail(path.join(folder, "missing"), 0, 10)).toEqual({ total: 0, messages: [] });
  });
});

describe("send again", () => {
  beforeEach(() => resetDatabase());

  async function row(state: string) {
    return prisma.outboxEmail.create({
      data: {
        kind: "reminder",
        recipient: "marie@exemple.fr",
        locale: "fr",
        payload: "{}",
        dedupeKey: `again:${state}:${Math.random()}`,
        sendAfter: new Date("2026-11-01T00:00:00Z"),
        state,
        attempts: 6,
        lastError: "Error: connect ECONNREFUSED",
        failedAt: state === "FAILED" ? new Date("2026-11-02T00:00:00Z") : null,
      },
      select: { id: true },
    });
  }

  test("a FAILED row is pending again, due now, its attempts counted afresh; its last error is kept", async () => {
    const failed = await row("FAILED");
    expect(await sendFailedEmailAgain(failed.id, NOW)).toEqual({ ok: true });
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      state: "PENDING",
      attempts: 0,
      sendAfter: NOW,
      failedAt: null,
      lockedUntil: null,
      lastError: "Error: connect ECONNREFUSED",
    });
    // A second click finds it no longer FAILED.
    expect(await sendFailedEmailAgain(failed.id, NOW)).toEqual({ ok: false, code: "NOT_FAILED" });
  });

  test.each(["PENDING", "SENT", "DROPPED"])("a %s row is left alone", async (state) => {
    const other = await row(state);
    expect(await sendFailedEmailAgain(other.id, NOW)).toEqual({ ok: false, code: "NOT_FAILED" });
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: other.id } })).state).toBe(state);
  });
});

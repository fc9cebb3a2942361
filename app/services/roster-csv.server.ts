// The roster as a CSV a trainer mails to partners: one line per person on the signature sheet, in
// the same order, with the contact details the sheet leaves out.
import type { TFunction } from "i18next";

import { rosterCsv, sheetFileName } from "~/domain/attendance/signature-sheet";
import { parisDayKey } from "~/domain/time/paris-day";
import { readSignatureSheet } from "~/models/signature-sheet.server";

export type RosterCsvResult = { ok: true; csv: string; fileName: string } | { ok: false; code: "NOT_FOUND" };

/** `t` is the "sheet" namespace in French: the staff area speaks French only. */
export async function rosterCsvForSession(sessionId: string, t: TFunction): Promise<RosterCsvResult> {
  const sheet = await readSignatureSheet(sessionId);
  if (!sheet) return { ok: false, code: "NOT_FOUND" };
  const header = ["lastName", "firstName", "phone", "email", "commune", "source", "attendance", "walkIn"].map((key) =>
    t(`csv.${key}`),
  );
  const rows = sheet.participants.map((p) => [
    p.lastName,
    p.firstName,
    p.phone,
    p.email,
    p.commune,
    p.source ? t(`csv.sources.${p.source}`) : null,
    p.attendance ? t(`attendance.${p.attendance}`) : null,
    t(p.isWalkIn ? "csv.yes" : "csv.no"),
  ]);
  return {
    ok: true,
    csv: rosterCsv(header, rows),
    fileName: sheetFileName(parisDayKey(sheet.startsAt), sheet.workshop.slug),
  };
}

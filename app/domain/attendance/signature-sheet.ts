// The signature sheet (« feuille d'émargement ») and the roster CSV: who is on it, in which order,
// and how a cell is written so that a spreadsheet shows it as text. Pure: the model reads the
// rows, the routes draw or send them.
import { stringify } from "csv-stringify/sync";

export type SheetAttendance = "PRESENT" | "LATE" | "EXCUSED" | "ABSENT";
export type SheetSource = "ONLINE" | "PHONE" | "WALK_IN" | "STAFF";

export type SheetParticipant = {
  personId: string;
  firstName: string;
  lastName: string;
  commune: string | null;
  phone: string | null;
  email: string | null;
  /** How the seat was booked; null for a walk-in (« accueil sans réservation »). */
  source: SheetSource | null;
  /** The recorded mark, or null while nobody has marked this person. */
  attendance: SheetAttendance | null;
  isWalkIn: boolean;
};

// French order, as a paper list is read: accents and case do not move a name (« Émile » next to « Emma »).
const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

function byName(a: SheetParticipant, b: SheetParticipant): number {
  return (
    collator.compare(a.lastName, b.lastName) ||
    collator.compare(a.firstName, b.firstName) ||
    a.personId.localeCompare(b.personId)
  );
}

/**
 * The rows of the sheet: the booked learners first, by last then first name, then the walk-ins,
 * also by name (they are looked up on paper, not by arrival).
 */
export function orderParticipants(participants: readonly SheetParticipant[]): SheetParticipant[] {
  const booked = participants.filter((p) => !p.isWalkIn).sort(byName);
  const walkIns = participants.filter((p) => p.isWalkIn).sort(byName);
  return [...booked, ...walkIns];
}

/** Blank rows for late walk-ins: at least five, and enough to fill a first A4 page. */
export const MIN_BLANK_ROWS = 5;
const ROWS_ON_FIRST_PAGE = 12;

export function blankRowCount(participants: number): number {
  return Math.max(MIN_BLANK_ROWS, ROWS_ON_FIRST_PAGE - participants);
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before them) as
 * a formula: « =HYPERLINK(…) » typed as a name would run on the partner's computer. A leading
 * apostrophe makes it text (OWASP, "CSV injection").
 */
export function safeCsvCell(value: string | null | undefined): string {
  const text = value ?? "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The byte order mark: without it, Excel on Windows reads UTF-8 as Latin-1 and breaks every accent. */
export const UTF8_BOM = "\uFEFF";

/**
 * The CSV a trainer mails to partners: `;` between cells (French Excel), every cell made safe, CRLF
 * line ends, and the BOM first.
 */
export function rosterCsv(header: readonly string[], rows: readonly (readonly (string | null)[])[]): string {
  const records = [header, ...rows].map((row) => row.map((cell) => safeCsvCell(cell)));
  return UTF8_BOM + stringify(records, { delimiter: ";", record_delimiter: "windows", quoted_match: /[";\n\r]/ });
}

/** "emargement-2026-12-03-tablette-premiers-pas.csv": the Paris day and the workshop, safe in any file system. */
export function sheetFileName(parisDay: string, workshopSlug: string): string {
  const slug = workshopSlug
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `emargement-${parisDay}${slug ? `-${slug}` : ""}.csv`;
}

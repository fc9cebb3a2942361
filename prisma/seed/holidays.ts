/**
 * Days the places are closed: French public holidays, and the hub and tiers-lieux close from
 * Christmas Eve to New Year's Day. Keys are Paris calendar days, "yyyy-MM-dd".
 */

/** Easter Sunday (Gregorian calendar), by the anonymous "Meeus/Jones/Butcher" algorithm. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function key(year: number, month: number, day: number): string {
  // Date.UTC normalises overflowing days (Easter + 50 in June); only the calendar day is used.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10);
}

/** The eleven public holidays of metropolitan France in `year`. */
export function publicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  return [
    key(year, 1, 1),
    key(year, easter.month, easter.day + 1), // lundi de Pâques
    key(year, 5, 1),
    key(year, 5, 8),
    key(year, easter.month, easter.day + 39), // Ascension
    key(year, easter.month, easter.day + 50), // lundi de Pentecôte
    key(year, 7, 14),
    key(year, 8, 15),
    key(year, 11, 1),
    key(year, 11, 11),
    key(year, 12, 25),
  ];
}

export function isClosedDay(dayKey: string): boolean {
  const year = Number(dayKey.slice(0, 4));
  const monthDay = dayKey.slice(5);
  return monthDay >= "12-24" || monthDay === "01-01" || publicHolidays(year).includes(dayKey);
}

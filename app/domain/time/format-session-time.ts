import { format, type Locale } from "date-fns";
import { ar } from "date-fns/locale/ar";
import { enGB } from "date-fns/locale/en-GB";
import { es } from "date-fns/locale/es";
import { fr } from "date-fns/locale/fr";
import { inParis } from "./paris";

export type DisplayLocale = "fr" | "en" | "es" | "ar";

interface DisplayStyle {
  locale: Locale;
  day: string;
  dateLong: string;
  time: (withMinutes: boolean) => string;
  range: (day: string, from: string, to: string) => string;
}

/** A no-break space: « 14 h 30 » and « 3 mars » never break across two lines. */
const NBSP = "\u00a0";

// Spelled-out phrases rather than "14:00–16:00": easier to read aloud and for newcomers to dates.
const STYLES: Record<DisplayLocale, DisplayStyle> = {
  fr: {
    locale: fr,
    day: `EEEE do'${NBSP}'MMMM`,
    dateLong: `EEEE do'${NBSP}'MMMM'${NBSP}'yyyy`,
    time: (withMinutes) => (withMinutes ? `H'${NBSP}h${NBSP}'mm` : `H'${NBSP}h'`),
    range: (day, from, to) => `${day}, de${NBSP}${from} à${NBSP}${to}`,
  },
  en: {
    locale: enGB,
    day: `EEEE d'${NBSP}'MMMM`,
    dateLong: `EEEE d'${NBSP}'MMMM'${NBSP}'yyyy`,
    time: (withMinutes) => (withMinutes ? `h:mm'${NBSP}'aaa` : `h'${NBSP}'aaa`),
    range: (day, from, to) => `${day}, ${from} to${NBSP}${to}`,
  },
  es: {
    locale: es,
    day: `EEEE d'${NBSP}de${NBSP}'MMMM`,
    dateLong: `EEEE d'${NBSP}de${NBSP}'MMMM 'de${NBSP}'yyyy`,
    time: () => "H:mm",
    range: (day, from, to) => `${day}, de${NBSP}${from} a${NBSP}${to}`,
  },
  ar: {
    locale: ar,
    day: `EEEE d'${NBSP}'MMMM`,
    dateLong: `EEEE d'${NBSP}'MMMM'${NBSP}'yyyy`,
    time: () => "H:mm",
    range: (day, from, to) => `${day}، من${NBSP}${from} إلى${NBSP}${to}`,
  },
};

function paris(date: Date, pattern: string, style: DisplayStyle): string {
  return format(date, pattern, { in: inParis, locale: style.locale });
}

function clockTime(date: Date, style: DisplayStyle): string {
  return paris(date, style.time(paris(date, "m", style) !== "0"), style);
}

/** "mardi 3 mars, de 14 h à 16 h", always in Paris time. */
export function formatSessionTime(startsAt: Date, endsAt: Date, locale: DisplayLocale): string {
  const style = STYLES[locale];
  const startDay = paris(startsAt, style.day, style);
  const endDay = paris(endsAt, style.day, style);
  if (startDay !== endDay) {
    // Workshops fit in a day; should one run past midnight, both days are named.
    return `${startDay}, ${clockTime(startsAt, style)} – ${endDay}, ${clockTime(endsAt, style)}`;
  }
  return style.range(startDay, clockTime(startsAt, style), clockTime(endsAt, style));
}

/** "mardi 3 mars 2026", the Paris calendar day of the instant. */
export function formatDateLong(date: Date, locale: DisplayLocale): string {
  const style = STYLES[locale];
  return paris(date, style.dateLong, style);
}

/** "14 h 30" (fr), "2:30 pm" (en): a time of day alone, in Paris time. */
export function formatClockTime(date: Date, locale: DisplayLocale): string {
  return clockTime(date, STYLES[locale]);
}

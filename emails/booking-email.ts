import type { BookingLinks, EmailContext, SessionView } from "./types";

/** What every email about one booking is given. */
export type BookingEmailProps = {
  ctx: EmailContext;
  firstName: string;
  session: SessionView;
  /** The session's day for the subject line: "mardi 3 mars 2026". */
  subjectDate: string;
  links: BookingLinks;
};

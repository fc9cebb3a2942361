import { Link, Text } from "@react-email/components";

import type { EmailContext, OtherDateView } from "../types";
import { LocalisedText } from "./localised-text";
import * as s from "./styles";

/** Other dates of the same workshop that still have seats, each a link to book it. */
export function OtherDates({ ctx, dates }: { ctx: EmailContext; dates: OtherDateView[] }) {
  return (
    <ul style={s.list}>
      {dates.map((date) => (
        <li key={date.url} style={{ marginBottom: "8px" }}>
          <Link href={date.url} style={s.link}>
            {date.when}
          </Link>{" "}
          — <LocalisedText ctx={ctx} value={date.placeName} /> (
          {ctx.t("sessionCancelled.seatsLeft", { count: date.seatsLeft })})
        </li>
      ))}
    </ul>
  );
}

export function SectionTitle({ children }: { children: React.ReactNode }) {
  return <Text style={s.label}>{children}</Text>;
}

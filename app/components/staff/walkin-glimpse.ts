import type { TFunction } from "i18next";

/** A person as the walk-in page may show them (app/domain/people/walk-in-match.ts `glimpseOf`). */
export type Glimpse = {
  id: string;
  firstName: string;
  lastName: string;
  lastNameIsInitial: boolean;
  communeName: string | null;
  ageBand: string | null;
};

/** « Hélène D. » or « Hélène Dupont », as the trainer may see it. */
export function glimpseName(t: TFunction, person: Glimpse): string {
  return person.lastNameIsInitial
    ? t("walkIn:glimpse.initial", { firstName: person.firstName, initial: person.lastName })
    : t("walkIn:glimpse.full", { firstName: person.firstName, lastName: person.lastName });
}

/** « Trèbes · 70 ans et plus »: what tells two namesakes apart. */
export function glimpseDetails(t: TFunction, person: Glimpse): string {
  const commune = person.communeName ?? t("walkIn:glimpse.unknownCommune");
  const age = person.ageBand ? t(`forms:fields.ageBand.values.${person.ageBand}`) : t("walkIn:glimpse.unknownAge");
  return `${commune} · ${age}`;
}

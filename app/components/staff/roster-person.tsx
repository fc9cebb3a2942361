import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { PhoneLink } from "~/components/ui/phone-link";
import type { RosterEntry } from "~/models/roster.server";

/** The anchor a roster comes back to after a mark sent without JavaScript. */
export function personAnchor(personId: string): string {
  return `personne-${personId}`;
}

/** One person of the roster: how to reach them, what they need, whether they came before; then their mark. */
export function RosterPerson({ person, children }: { person: RosterEntry; children: ReactNode }) {
  const { t } = useTranslation("roster");
  const name = `${person.firstName} ${person.lastName}`;
  return (
    <li id={personAnchor(person.personId)} className="card roster-person">
      <h3 className="roster-person__name">{name}</h3>
      <p className="badges">
        <span className={`badge${person.returning ? " badge--muted" : ""}`}>
          {person.returning ? t("roster.returning") : t("roster.firstVisit")}
        </span>
        {person.walkIn ? <span className="badge badge--muted">{t("roster.walkIn")}</span> : null}
      </p>
      <dl className="roster-facts">
        <dt>{t("roster.phone")}</dt>
        <dd>{person.phone ? <PhoneLink phone={person.phone} className="roster-call" /> : t("roster.noPhone")}</dd>
        <dt>{t("roster.source.label")}</dt>
        <dd>{t(`roster.source.${person.source}`)}</dd>
        {person.accessibilityNeeds ? (
          <>
            <dt>{t("roster.needs")}</dt>
            <dd>{person.accessibilityNeeds}</dd>
          </>
        ) : null}
        {person.helper ? (
          <>
            <dt>{t("roster.helper")}</dt>
            <dd>
              {person.helper.name ? <span className="block">{person.helper.name}</span> : null}
              {person.helper.phone ? <PhoneLink phone={person.helper.phone} className="roster-call" /> : null}
              {person.helper.email ? (
                <a className="block roster-mail" href={`mailto:${person.helper.email}`}>
                  {/* A name reads better on a phone than an address cut in the middle; the address is the link's. */}
                  {person.helper.name
                    ? t("roster.helperEmailTo", { name: person.helper.name })
                    : t("roster.helperEmail", { email: person.helper.email })}
                </a>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {children}
    </li>
  );
}

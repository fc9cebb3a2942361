import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import { HiddenFields, WalkInReasonField, WalkInTextField } from "./walkin-fields";
import { glimpseDetails, glimpseName, type Glimpse } from "./walkin-glimpse";

/** `pick`: the server's signature of this person for this trainer and session, sent back to add them. */
export type FoundGlimpse = Glimpse & {
  standing: "BOOKED" | "ON_LIST" | "WAITLISTED" | null;
  requestKey: string;
  pick: string;
};

export type PendingAdd = {
  person: Glimpse;
  requestKey: string;
  pick: string;
  reason: string;
  reasonError: string | null;
};

type Props = {
  query: string;
  tooVague: string | null;
  found: FoundGlimpse[];
  more: boolean;
  rosterPath: string;
  /** A walk-in the room was too full for: the same add, with a reason. */
  pending: PendingAdd | null;
};

/** « Retrouver une personne déjà connue »: one field, a short list of people to pick from. */
export function WalkInSearch({ query, tooVague, found, more, rosterPath, pending }: Props) {
  const { t } = useTranslation("walkIn");
  const searched = query.trim() !== "" && tooVague === null;
  // The question appears above the button that was tapped: with JavaScript, the focus goes to it.
  const pendingRef = useRef<HTMLHeadingElement>(null);
  const askedFor = pending && !pending.reasonError ? pending.requestKey : null;
  useEffect(() => {
    if (askedFor) pendingRef.current?.focus();
  }, [askedFor]);
  return (
    <section className="walkin-section" aria-labelledby="search-title">
      <h2 id="search-title">{t("search.title")}</h2>
      {pending ? (
        <Form method="post" className="walkin-pending" aria-labelledby="pending-title" noValidate>
          <h3 id="pending-title" ref={pendingRef} tabIndex={-1}>
            {t("reason.title")}
          </h3>
          <HiddenFields
            values={{ intent: "add", personId: pending.person.id, requestKey: pending.requestKey, pick: pending.pick }}
          />
          <WalkInReasonField
            id="pending-reason"
            error={pending.reasonError}
            defaultValue={pending.reason}
            intro={t("reason.intro", { name: glimpseName(t, pending.person) })}
          />
          <button type="submit" className="button button--primary">
            {t("reason.submit")}
          </button>
        </Form>
      ) : null}
      {/* A POST: a phone or an email typed here never sits in the address or the history. */}
      <Form method="post" role="search" className="walkin-search" noValidate>
        <HiddenFields values={{ intent: "search" }} />
        <WalkInTextField
          id="q"
          name="q"
          type="search"
          label={t("search.label")}
          hint={t("search.hint")}
          error={tooVague}
          defaultValue={query}
        />
        <button type="submit" className="button button--primary">
          {t("search.submit")}
        </button>
      </Form>
      {searched && found.length === 0 ? (
        <p className="walkin-none" role="status">
          {t("search.none", { query })}
        </p>
      ) : null}
      {found.length > 0 ? (
        <>
          <h3 id="results-title">{t("search.results", { query })}</h3>
          <ul className="walkin-people" aria-labelledby="results-title">
            {found.map((person) => (
              <li key={person.id} className="walkin-person">
                <p className="walkin-person__name">{glimpseName(t, person)}</p>
                <p className="walkin-person__details">{glimpseDetails(t, person)}</p>
                {person.standing === "BOOKED" ? (
                  <p>
                    {t("search.booked")} <Link to={rosterPath}>{t("goToRoster")}</Link>
                  </p>
                ) : person.standing === "ON_LIST" ? (
                  <p>{t("search.onList")}</p>
                ) : (
                  <Form method="post">
                    {person.standing === "WAITLISTED" ? <p>{t("search.waitlisted")}</p> : null}
                    <HiddenFields
                      values={{ intent: "add", personId: person.id, requestKey: person.requestKey, pick: person.pick }}
                    />
                    <button type="submit" className="button button--primary">
                      {t("search.add", { name: glimpseName(t, person) })}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
          {more ? <p>{t("search.more")}</p> : null}
        </>
      ) : null}
    </section>
  );
}

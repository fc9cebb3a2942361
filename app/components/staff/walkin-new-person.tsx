import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { HiddenFields, WalkInReasonField, WalkInSelectField, WalkInTextField } from "./walkin-fields";
import { glimpseDetails, glimpseName, type Glimpse } from "./walkin-glimpse";

/** `requestKey`: its own, never the create form's; `pick`: the server's signature of this person. */
export type Candidate = Glimpse & {
  kind: "SAME_CONTACT" | "SHARED_CONTACT" | "SAME_NAME";
  requestKey: string;
  pick: string;
};

type Props = {
  requestKey: string;
  values: Record<string, string>;
  errors: Partial<Record<string, string>>;
  communes: { id: string; name: string; postcode: string }[];
  ageBands: readonly string[];
  /** The room is full: the form asks why. */
  needsReason: boolean;
  reasonError: string | null;
  reason: string;
  candidates: Candidate[];
  mustReuse: boolean;
};

/** « Créer une nouvelle personne », and, when someone alike is known, the choice between them. */
export function WalkInNewPerson(props: Props) {
  const { t } = useTranslation("walkIn");
  const { values, errors, requestKey } = props;
  const value = (name: string) => values[name] ?? "";
  return (
    <section className="walkin-section" aria-labelledby="create-title">
      <h2 id="create-title">{t("create.title")}</h2>
      {props.candidates.length > 0 ? (
        <div className="walkin-duplicates" aria-labelledby="duplicates-title">
          <h3 id="duplicates-title">{t("duplicates.title")}</h3>
          <p>{props.mustReuse ? t("duplicates.mustReuse") : t("duplicates.intro")}</p>
          <ul className="walkin-people">
            {props.candidates.map((person) => (
              <li key={person.id} className="walkin-person">
                <p className="walkin-person__name">{glimpseName(t, person)}</p>
                <p className="walkin-person__details">{glimpseDetails(t, person)}</p>
                <p className="walkin-person__why">{t(`duplicates.${person.kind}`)}</p>
                <Form method="post">
                  <HiddenFields
                    values={{
                      intent: "add",
                      personId: person.id,
                      requestKey: person.requestKey,
                      pick: person.pick,
                      ...(props.reason ? { reason: props.reason } : {}),
                    }}
                  />
                  <button type="submit" className="button button--primary">
                    {t("duplicates.thisOne")}
                    <span className="visually-hidden">{` : ${glimpseName(t, person)}`}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          {props.mustReuse ? null : (
            <Form method="post">
              <HiddenFields
                values={{
                  intent: "create",
                  requestKey,
                  ...values,
                  ...(props.reason ? { reason: props.reason } : {}),
                  ruledOut: props.candidates.map((c) => c.id),
                }}
              />
              <button type="submit" className="button">
                {t("duplicates.another")}
              </button>
            </Form>
          )}
        </div>
      ) : null}
      <p>{t("create.intro")}</p>
      <Form method="post" className="walkin-create" noValidate>
        <HiddenFields values={{ intent: "create", requestKey }} />
        <WalkInTextField
          id="firstName"
          name="firstName"
          label={t("create.firstName")}
          error={errors.firstName ?? null}
          defaultValue={value("firstName")}
          autoComplete="off"
        />
        <WalkInTextField
          id="lastName"
          name="lastName"
          label={t("create.lastName")}
          error={errors.lastName ?? null}
          defaultValue={value("lastName")}
        />
        <WalkInTextField
          id="phone"
          name="phone"
          type="tel"
          inputMode="tel"
          optional
          label={t("create.phone")}
          error={errors.phone ?? null}
          defaultValue={value("phone")}
        />
        <WalkInTextField
          id="email"
          name="email"
          type="email"
          inputMode="email"
          optional
          label={t("create.email")}
          error={errors.email ?? null}
          defaultValue={value("email")}
        />
        <WalkInSelectField
          id="communeId"
          name="communeId"
          optional
          label={t("create.communeId")}
          error={errors.communeId ?? null}
          defaultValue={value("communeId")}
          options={[
            { value: "", label: t("create.communeNone") },
            ...props.communes.map((c) => ({
              value: c.id,
              label: t("create.communeOption", { name: c.name, postcode: c.postcode }),
            })),
          ]}
        />
        <WalkInSelectField
          id="ageBand"
          name="ageBand"
          optional
          label={t("create.ageBand")}
          error={errors.ageBand ?? null}
          defaultValue={value("ageBand")}
          options={[
            { value: "", label: t("create.ageNone") },
            ...props.ageBands.map((band) => ({ value: band, label: t(`forms:fields.ageBand.values.${band}`) })),
          ]}
        />
        {props.needsReason ? (
          <WalkInReasonField
            id="create-reason"
            error={props.reasonError}
            defaultValue={props.reason}
            intro={t("reason.introNew")}
          />
        ) : null}
        <button type="submit" className="button button--primary">
          {t("create.submit")}
        </button>
      </Form>
    </section>
  );
}

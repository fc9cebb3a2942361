import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { HiddenFields, WalkInSelectField, WalkInTextField } from "./walkin-fields";

export type AnonymousRow = {
  id: string;
  count: number;
  ageBand: string | null;
  communeName: string | null;
  time: string;
};

type Props = {
  requestKey: string;
  values: Record<string, string>;
  errors: Partial<Record<string, string>>;
  communes: { id: string; name: string; postcode: string }[];
  ageBands: readonly string[];
  total: number;
  rows: AnonymousRow[];
};

/** « Personnes venues sans donner leur nom »: a tally for the statistics, with the running total. */
export function WalkInAnonymous({ requestKey, values, errors, communes, ageBands, total, rows }: Props) {
  const { t } = useTranslation("walkIn");
  const value = (name: string) => values[name] ?? "";
  return (
    <section className="walkin-section" id="anonymes" aria-labelledby="anonymous-title">
      <h2 id="anonymous-title">{t("anonymous.title")}</h2>
      <p>{t("anonymous.intro")}</p>
      <Form method="post" className="walkin-count" noValidate>
        <HiddenFields values={{ intent: "count", requestKey }} />
        <WalkInTextField
          id="count"
          name="count"
          inputMode="numeric"
          label={t("anonymous.count")}
          error={errors.count ?? null}
          defaultValue={value("count") || "1"}
        />
        <WalkInSelectField
          id="anonymous-ageBand"
          name="ageBand"
          optional
          label={t("anonymous.ageBand")}
          error={errors.ageBand ?? null}
          defaultValue={value("ageBand")}
          options={[
            { value: "", label: t("anonymous.ageNone") },
            ...ageBands.map((band) => ({ value: band, label: t(`forms:fields.ageBand.values.${band}`) })),
          ]}
        />
        <WalkInSelectField
          id="anonymous-communeId"
          name="communeId"
          optional
          label={t("anonymous.communeId")}
          error={errors.communeId ?? null}
          defaultValue={value("communeId")}
          options={[
            { value: "", label: t("anonymous.communeNone") },
            ...communes.map((c) => ({
              value: c.id,
              label: t("create.communeOption", { name: c.name, postcode: c.postcode }),
            })),
          ]}
        />
        <button type="submit" className="button button--primary">
          {t("anonymous.submit")}
        </button>
      </Form>
      <p className="walkin-total" id="anonymous-total">
        {t("anonymous.total", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p>{t("anonymous.none")}</p>
      ) : (
        <ul className="walkin-rows" aria-labelledby="anonymous-total">
          {rows.map((row) => (
            <li key={row.id}>
              {t("anonymous.row", {
                count: row.count,
                time: row.time,
                details: [
                  row.ageBand ? t(`forms:fields.ageBand.values.${row.ageBand}`) : t("glimpse.unknownAge"),
                  row.communeName ?? t("glimpse.unknownCommune"),
                ].join(" · "),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type CatalogueFilterOptions = {
  places: { slug: string; name: string; communeName: string }[];
  communes: { id: string; name: string; postcode: string }[];
  topicCodes: string[];
  levels: string[];
};

/** The filters as they appear in the address: /ateliers?lieu=…&commune=…&theme=…&niveau=… */
export type CatalogueSelection = {
  lieu: string | null;
  commune: string | null;
  theme: string | null;
  niveau: string | null;
};

/** The results' heading: the form's address ends with it, so the answer opens on the results. */
export const RESULTS_ID = "resultats";

type Props = { options: CatalogueFilterOptions; selection: CatalogueSelection };

/** A plain GET form: it works without JavaScript, and the address can be bookmarked or shared. */
export function CatalogueFilters({ options, selection }: Props) {
  const { t } = useTranslation("catalogue");
  const anySelected = Object.values(selection).some((value) => value !== null);
  // Remounting on a new selection keeps the selects in step after a client-side navigation.
  const formKey = JSON.stringify(selection);
  return (
    <Form
      key={formKey}
      method="get"
      action={`/ateliers#${RESULTS_ID}`}
      className="card catalogue-filters"
      aria-labelledby="catalogue-filters-title"
    >
      <h2 id="catalogue-filters-title">{t("filters.title")}</h2>
      <div className="catalogue-filters__fields">
        <div className="field">
          <label htmlFor="filter-commune">{t("filters.commune")}</label>
          <p id="filter-commune-hint" className="hint">
            {t("filters.communeHint")}
          </p>
          <select
            id="filter-commune"
            name="commune"
            defaultValue={selection.commune ?? ""}
            aria-describedby="filter-commune-hint"
            autoComplete="address-level2"
          >
            <option value="">{t("filters.anyCommune")}</option>
            {options.communes.map((commune) => (
              <option key={commune.id} value={commune.id}>
                {t("filters.communeOption", { name: commune.name, postcode: commune.postcode })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-place">{t("filters.place")}</label>
          <select id="filter-place" name="lieu" defaultValue={selection.lieu ?? ""}>
            <option value="">{t("filters.anyPlace")}</option>
            {options.places.map((place) => (
              <option key={place.slug} value={place.slug}>
                {t("filters.placeOption", { name: place.name, commune: place.communeName })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-topic">{t("filters.topic")}</label>
          <select id="filter-topic" name="theme" defaultValue={selection.theme ?? ""}>
            <option value="">{t("filters.anyTopic")}</option>
            {options.topicCodes.map((code) => (
              <option key={code} value={code}>
                {t(`topics:${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-level">{t("filters.level")}</label>
          <select id="filter-level" name="niveau" defaultValue={selection.niveau ?? ""}>
            <option value="">{t("filters.anyLevel")}</option>
            {options.levels.map((level) => (
              <option key={level} value={level}>
                {t(`levels:${level}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="actions">
        <button type="submit" className="button button--primary">
          {t("filters.submit")}
        </button>
        {anySelected ? (
          <Link className="button" to="/ateliers">
            {t("filters.reset")}
          </Link>
        ) : null}
      </p>
    </Form>
  );
}

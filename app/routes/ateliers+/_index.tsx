import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CatalogueDayList } from "~/components/catalogue-day-list";
import { CatalogueFilters, RESULTS_ID, type CatalogueSelection } from "~/components/catalogue-filters";
import { WorkshopLevel } from "~/generated/prisma/enums";
import {
  countUpcomingSessions,
  listFilterOptions,
  listUpcomingSessions,
  type FilterOptions,
} from "~/models/session.server";
import bookingStyles from "~/styles/booking.css";
import { getRequestT } from "~/utils/i18n.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bookingStyles }];

/**
 * Each filter is checked against what exists: an unknown value (an old bookmark, a forged id)
 * is dropped and the page says so, rather than failing or silently showing nothing.
 */
function readSelection(params: URLSearchParams, options: FilterOptions) {
  const pick = (name: string, known: (value: string) => boolean) => {
    const value = params.get(name)?.trim() ?? "";
    if (value === "") return { value: null, ignored: false };
    return known(value) ? { value, ignored: false } : { value: null, ignored: true };
  };
  const lieu = pick("lieu", (v) => options.places.some((p) => p.slug === v));
  const commune = pick("commune", (v) => options.communes.some((c) => c.id === v));
  const theme = pick("theme", (v) => options.topicCodes.includes(v));
  const niveau = pick("niveau", (v) => (options.levels as string[]).includes(v));
  const selection: CatalogueSelection = {
    lieu: lieu.value,
    commune: commune.value,
    theme: theme.value,
    niveau: niveau.value,
  };
  return { selection, ignored: [lieu, commune, theme, niveau].some((f) => f.ignored) };
}

/** Sessions shown at first, and added by each "show more": a page a phone can scroll, and render fast. */
const PAGE_SIZE = 30;
const MAX_SHOWN = 300;

function readShown(params: URLSearchParams): number {
  const asked = Number.parseInt(params.get("voir") ?? "", 10);
  if (!Number.isFinite(asked) || asked <= PAGE_SIZE) return PAGE_SIZE;
  return Math.min(MAX_SHOWN, Math.ceil(asked / PAGE_SIZE) * PAGE_SIZE);
}

function isLevel(value: string | null): value is WorkshopLevel {
  return value !== null && (Object.values(WorkshopLevel) as string[]).includes(value);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const [{ t, language }, options] = await Promise.all([getRequestT(request, "catalogue"), listFilterOptions()]);
  const params = new URL(request.url).searchParams;
  const { selection, ignored } = readSelection(params, options);
  const shown = readShown(params);
  const filters = {
    now,
    placeSlug: selection.lieu,
    communeId: selection.commune,
    topicCode: selection.theme,
    level: isLevel(selection.niveau) ? selection.niveau : null,
  };
  const [sessions, total] = await Promise.all([
    listUpcomingSessions({ ...filters, limit: shown, locale: language }),
    countUpcomingSessions(filters),
  ]);
  const more = new URLSearchParams(params);
  more.set("voir", String(shown + PAGE_SIZE));
  const commune = options.communes.find((c) => c.id === selection.commune) ?? null;
  return {
    title: t("meta.title"),
    options: {
      places: options.places.map(({ slug, name, communeName }) => ({ slug, name, communeName })),
      communes: options.communes,
      topicCodes: options.topicCodes,
      levels: options.levels as string[],
    },
    selection,
    ignored,
    communeName: commune?.name ?? null,
    sessions,
    total,
    moreHref: total > sessions.length && shown < MAX_SHOWN ? `?${more.toString()}` : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Passerelle" }];

export default function Catalogue() {
  const { options, selection, ignored, communeName, sessions, total, moreHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalogue");
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  // After filtering with JavaScript on, the page scrolls to the results (ScrollRestoration follows
  // the fragment); the focus goes to their heading so a screen reader reads the count.
  useEffect(() => {
    if (location.hash === `#${RESULTS_ID}`) resultsRef.current?.focus();
  }, [location.key, location.hash]);
  const near = sessions.filter((s) => s.servesYourCommune);
  const others = sessions.filter((s) => !s.servesYourCommune);
  return (
    <div className="page catalogue">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p>{t("phoneHelp")}</p>

      <CatalogueFilters options={options} selection={selection} />

      {ignored ? (
        <p className="notice" role="status">
          {t("filters.ignored")}
        </p>
      ) : null}

      {/* The filters' form lands here (#resultats): the count is the first thing read and seen. */}
      <h2 id={RESULTS_ID} className="catalogue__count" tabIndex={-1} ref={resultsRef}>
        {t("results", { count: total })}
      </h2>
      {sessions.length === 0 ? <p>{t("empty")}</p> : null}

      {communeName !== null ? (
        <>
          <section className="catalogue-section catalogue-section--near" aria-labelledby="near-title">
            <h2 id="near-title">{t("near.title")}</h2>
            {near.length > 0 ? (
              <>
                <p>{t("near.intro", { commune: communeName })}</p>
                <CatalogueDayList sessions={near} idPrefix="near" />
              </>
            ) : (
              <p>{t("near.none", { commune: communeName })}</p>
            )}
          </section>
          {others.length > 0 ? (
            <section className="catalogue-section" aria-labelledby="others-title">
              <h2 id="others-title">{t("others.title")}</h2>
              <p>{t("others.intro")}</p>
              <CatalogueDayList sessions={others} idPrefix="others" />
            </section>
          ) : null}
        </>
      ) : sessions.length > 0 ? (
        <section className="catalogue-section catalogue-section--all" aria-labelledby={RESULTS_ID}>
          <CatalogueDayList sessions={sessions} idPrefix="day" />
        </section>
      ) : null}
      {moreHref !== null ? (
        <p className="catalogue__more">
          <Link className="button" to={moreHref} preventScrollReset>
            {t("showMore")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaceCard } from "~/components/place-card";
import { listPublicPlaces } from "~/models/place.server";
import { getRequestT } from "~/utils/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ t }, places] = await Promise.all([getRequestT(request, "home"), listPublicPlaces(new Date())]);
  return { title: t("meta.title"), places };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Passerelle" }];

export default function Home() {
  const { places } = useLoaderData<typeof loader>();
  const { t } = useTranslation("home");
  return (
    <div className="page">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("hero.title")}</h1>
        <p className="lead">{t("hero.lead")}</p>
        <p className="actions">
          <Link className="button button--primary" to="/ateliers">
            {t("hero.findWorkshop")}
          </Link>
          <Link className="button" to="/mes-reservations">
            {t("hero.myBookings")}
          </Link>
        </p>
        <p>{t("hero.phoneHelp")}</p>
      </section>
      <section aria-labelledby="places-title">
        <h2 id="places-title">{t("places.title")}</h2>
        <p>{t("places.intro", { count: places.length })}</p>
        <div className="grid">
          {places.map((place) => (
            <PlaceCard key={place.id} place={place} />
          ))}
        </div>
      </section>
    </div>
  );
}

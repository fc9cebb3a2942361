import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";

import { EmailLink, FrenchValue, LegalPage, LegalSection } from "~/components/legal/legal-page";
import { PhoneLink } from "~/components/ui/phone-link";
import { getRequestT } from "~/utils/i18n.server";
import { publisher } from "~/utils/publisher.server";
import legalStyles from "~/styles/legal.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: legalStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Passerelle" }];

/** « Mentions légales »: who publishes the site, who is responsible for it, who hosts it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request, "legal");
  const { demo, name, address, phone, email, siren, director, host } = publisher;
  return { title: t("notice.meta"), publisher: { demo, name, address, phone, email, siren, director, host } };
}

export default function LegalNotice() {
  const { publisher: p } = useLoaderData<typeof loader>();
  const { t } = useTranslation("legal");
  return (
    <LegalPage title={t("notice.title")} demo={p.demo}>
      <p className="lead">{t("notice.intro")}</p>
      <LegalSection id="publisher" heading={t("notice.publisherHeading")}>
        <dl className="facts">
          <dt>{t("notice.name")}</dt>
          <dd>
            <FrenchValue>{p.name}</FrenchValue>
          </dd>
          <dt>{t("notice.address")}</dt>
          <dd>
            <FrenchValue>{p.address}</FrenchValue>
          </dd>
          <dt>{t("notice.phone")}</dt>
          <dd>
            <PhoneLink phone={p.phone} />
          </dd>
          <dt>{t("notice.email")}</dt>
          <dd>
            <EmailLink email={p.email} />
          </dd>
          <dt>{t("notice.siren")}</dt>
          <dd dir="ltr">{p.siren}</dd>
        </dl>
      </LegalSection>
      <LegalSection id="director" heading={t("notice.directorHeading")}>
        <p>
          <FrenchValue>{p.director}</FrenchValue>
        </p>
      </LegalSection>
      <LegalSection id="host" heading={t("notice.hostHeading")}>
        <p>{t("notice.hostIntro")}</p>
        <p>
          <FrenchValue>{p.host.name}</FrenchValue>
          <br />
          <FrenchValue>{p.host.address}</FrenchValue>
        </p>
      </LegalSection>
      <LegalSection id="software" heading={t("notice.softwareHeading")}>
        <p>{t("notice.software")}</p>
      </LegalSection>
      <LegalSection id="reuse" heading={t("notice.reuseHeading")}>
        <p>{t("notice.reuse")}</p>
        <p>
          <Trans
            t={t}
            i18nKey="notice.seeAlso"
            components={{ data: <Link to="/donnees-personnelles" />, accessibility: <Link to="/accessibilite" /> }}
          />
        </p>
      </LegalSection>
    </LegalPage>
  );
}

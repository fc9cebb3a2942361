import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";

import { EmailLink, FrenchValue, LegalPage, LegalSection } from "~/components/legal/legal-page";
import { getRequestT } from "~/utils/i18n.server";
import { publisher } from "~/utils/publisher.server";
import legalStyles from "~/styles/legal.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: legalStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Passerelle" }];

const KEPT = ["person", "bookings", "contacts", "attendance", "skills", "notes"] as const;
const KEPT_FOR = ["file", "links", "messages"] as const;
const RIGHTS = ["access", "rectification", "erasure", "objection"] as const;
const CNIL_COMPLAINT_URL = "https://www.cnil.fr/fr/adresser-une-plainte";

/**
 * « Données personnelles »: what is kept, why, who sees it, how long, and how to use one's
 * rights. The durations are the service's commitment (docs/decisions/021 says which are enforced).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request, "legal");
  const { demo, name, dpo } = publisher;
  return { title: t("data.meta"), publisher: { demo, name, dpo } };
}

export default function PersonalData() {
  const { publisher: p } = useLoaderData<typeof loader>();
  const { t } = useTranslation("legal");
  return (
    <LegalPage title={t("data.title")} demo={p.demo}>
      <p className="lead">{t("data.intro")}</p>
      <LegalSection id="controller" heading={t("data.controllerHeading")}>
        <p>
          <Trans
            t={t}
            i18nKey="data.controller"
            values={{ publisher: p.name }}
            components={{ publisher: <FrenchValue /> }}
          />
        </p>
      </LegalSection>
      <LegalSection id="kept" heading={t("data.whatHeading")}>
        <ul>
          {KEPT.map((key) => (
            <li key={key}>{t(`data.what.${key}`)}</li>
          ))}
        </ul>
      </LegalSection>
      <LegalSection id="why" heading={t("data.whyHeading")}>
        <p>{t("data.why")}</p>
      </LegalSection>
      <LegalSection id="who" heading={t("data.whoHeading")}>
        <p>{t("data.who")}</p>
      </LegalSection>
      <LegalSection id="how-long" heading={t("data.howLongHeading")}>
        <ul>
          {KEPT_FOR.map((key) => (
            <li key={key}>{t(`data.howLong.${key}`)}</li>
          ))}
        </ul>
        <p>{t("data.howLong.honest")}</p>
      </LegalSection>
      <LegalSection id="cookies" heading={t("data.cookiesHeading")}>
        <p>{t("data.cookies")}</p>
      </LegalSection>
      <LegalSection id="rights" heading={t("data.rightsHeading")}>
        <p>{t("data.rightsIntro")}</p>
        <ul>
          {RIGHTS.map((key) => (
            <li key={key}>{t(`data.rights.${key}`)}</li>
          ))}
        </ul>
        <p>
          <Trans
            t={t}
            i18nKey="data.howTo"
            values={{ email: p.dpo.email, address: p.dpo.address }}
            components={{ email: <EmailLink email={p.dpo.email} />, address: <FrenchValue /> }}
          />
        </p>
        <p>
          <Trans
            t={t}
            i18nKey="data.cnil"
            components={{ cnil: <a href={CNIL_COMPLAINT_URL} />, postal: <FrenchValue /> }}
          />
        </p>
      </LegalSection>
    </LegalPage>
  );
}

import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { frenchContent } from "../ui/french-content";

type Props = { title: string; demo: boolean; children: ReactNode };

/** The frame of the three pages a public body must publish: one h1, the demo warning, then h2 sections. */
export function LegalPage({ title, demo, children }: Props) {
  const { t } = useTranslation("legal");
  return (
    <div className="page narrow legal">
      <h1>{title}</h1>
      {demo ? <p className="legal__demo">{t("demo")}</p> : null}
      {children}
    </div>
  );
}

type SectionProps = { id: string; heading: string; children: ReactNode };

export function LegalSection({ id, heading, children }: SectionProps) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

/**
 * A name or an address of the publisher: written in French whatever the page's language, so it
 * is marked French and isolated (an address inside Arabic text would otherwise be reordered).
 */
export function FrenchValue({ children }: { children?: ReactNode }) {
  return <bdi {...frenchContent}>{children}</bdi>;
}

export function EmailLink({ email, children }: { email: string; children?: ReactNode }) {
  return (
    <a href={`mailto:${email}`} dir="ltr">
      {children ?? email}
    </a>
  );
}

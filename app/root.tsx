import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNonce } from "~/components/nonce";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import appStyles from "~/styles/app.css";
import formStyles from "~/styles/forms.css";
import { fallbackLanguage, isLanguage, textDirection } from "~/utils/i18n";
import { getLanguage, isStaffPath, resourcesVersion } from "~/utils/i18n.server";
import { getDisplay } from "~/utils/preferences.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  // Small, and forms sit on pages of every kind (booking, catalogue filters, finding one's bookings).
  { rel: "stylesheet", href: formStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [language, display] = await Promise.all([getLanguage(request), getDisplay(request)]);
  const url = new URL(request.url);
  // The language buttons come back here: a `?lng=` left in the address would outrank their choice.
  url.searchParams.delete("lng");
  return {
    language,
    display,
    i18nVersion: resourcesVersion(),
    currentPath: `${url.pathname}${url.search}`,
    /** The staff area is in French only: its header offers no choice of language. */
    staffArea: isStaffPath(url.pathname),
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootLoaderData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const language = data?.language ?? (isLanguage(i18n.language) ? i18n.language : fallbackLanguage);
  return (
    <html
      lang={language}
      dir={textDirection(language)}
      className={data?.display === "large" ? "display-large" : undefined}
      data-i18n={data?.i18nVersion}
    >
      <head>
        <meta charSet="utf-8" />
        {/* In the layout, not in `meta`: a route's meta replaces its parents', and old phones need this. */}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader
          language={language}
          display={data?.display ?? "standard"}
          currentPath={data?.currentPath ?? "/"}
          staffArea={data?.staffArea ?? false}
        />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("errors");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  // A signed-in staff member asking for what their roles do not grant (requireStaffWithPermission).
  const key = status === 404 ? "notFound" : status === 403 ? "noAccess" : "generic";
  return (
    <div className="page narrow">
      <title>{`${t(`${key}.title`)} — Passerelle`}</title>
      <h1>{t(`${key}.title`)}</h1>
      <p className="lead">{t(`${key}.body`)}</p>
      <p>
        <a className="button" href="/">
          {t("backHome")}
        </a>
      </p>
    </div>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/utils/i18n";
import { getResources } from "~/utils/i18n.server";

/** The browser's translations for one language; the URL carries a content hash, so it is cached for good. */
export function loader({ params }: LoaderFunctionArgs) {
  if (!isLanguage(params.lng)) throw new Response("Not found", { status: 404 });
  return new Response(JSON.stringify(getResources()[params.lng]), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}

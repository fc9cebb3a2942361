import { REFUSAL_STATUS, refusalPage, type Refusal } from "../../server/http-guards.js";
import { getLanguage } from "./i18n.server";

export type { Refusal };

/**
 * The same small translated page server.js answers its refusals with (405, 403, 413), for a
 * resource route that refuses a request itself: sent as it is, with its status.
 */
export async function refusalResponse(request: Request, refusal: Refusal): Promise<Response> {
  const language = await getLanguage(request);
  return new Response(refusalPage(refusal, language), {
    status: REFUSAL_STATUS[refusal],
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Language": language },
  });
}

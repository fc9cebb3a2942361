import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { env } from "~/utils/env.server";
import { isLanguage } from "~/utils/i18n";
import { languageCookie } from "~/utils/i18n.server";
import { displayCookie } from "~/utils/preferences.server";
import { safeRedirectPath } from "~/utils/redirect";
import { refusalResponse } from "~/utils/refusal.server";
import { readFormData } from "~/utils/form-data.server";

/** Language and display switches: plain form posts, so they work without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  // Resolved against the public origin: only a path of this site is followed, else "/".
  const target = safeRedirectPath(form.get("redirectTo"), env.APP_URL);
  if (target === null) return refusalResponse(request, "badRequest");
  const headers = new Headers();
  const language = form.get("lng");
  if (isLanguage(language)) {
    headers.append("Set-Cookie", await languageCookie.serialize(language));
  }
  const display = form.get("display");
  if (display === "large" || display === "standard") {
    headers.append("Set-Cookie", await displayCookie.serialize(display));
  }
  return redirect(target, { status: 303, headers });
}

export function loader() {
  return redirect("/", 303);
}

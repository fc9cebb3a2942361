import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/utils/i18n";
import { languageCookie } from "~/utils/i18n.server";
import { displayCookie } from "~/utils/preferences.server";
import { safeRedirectPath } from "~/utils/redirect";
import { readFormData } from "~/utils/form-data.server";

/** Language and display switches: plain form posts, so they work without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const headers = new Headers();
  const language = form.get("lng");
  if (isLanguage(language)) {
    headers.append("Set-Cookie", await languageCookie.serialize(language));
  }
  const display = form.get("display");
  if (display === "large" || display === "standard") {
    headers.append("Set-Cookie", await displayCookie.serialize(display));
  }
  return redirect(safeRedirectPath(form.get("redirectTo")), { status: 303, headers });
}

export function loader() {
  return redirect("/", 303);
}

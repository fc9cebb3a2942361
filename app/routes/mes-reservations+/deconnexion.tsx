import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endResidentSession } from "~/utils/resident-session.server";

/** "Se déconnecter": the cookie is cleared, back to the page that sends a new link. */
export async function action({ request }: ActionFunctionArgs) {
  return redirect("/mes-reservations", { status: 303, headers: { "Set-Cookie": await endResidentSession(request) } });
}

export function loader() {
  return redirect("/mes-reservations", 303);
}

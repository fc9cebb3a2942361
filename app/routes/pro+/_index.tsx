import { redirect } from "@remix-run/node";

/** /pro: the trainer's day starts at « Mes ateliers » (which sends whoever is not signed in to sign in). */
export function loader() {
  return redirect("/pro/ateliers", 303);
}

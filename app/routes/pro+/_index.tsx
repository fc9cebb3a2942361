import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

import { requireStaffWithPermission } from "~/utils/staff-auth.server";

/** /pro: the trainer's day starts at « Mes ateliers »; whoever is not signed in is sent to sign in first. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffWithPermission(request, "read:session");
  return redirect("/pro/ateliers", 303);
}

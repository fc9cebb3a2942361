import { createCookie } from "@remix-run/node";
import { env } from "./env.server";

/** "large" = the "grands caractères / contraste renforcé" display, applied on the server. */
export type Display = "standard" | "large";

export const displayCookie = createCookie("display", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: env.APP_URL.startsWith("https://"),
  maxAge: 60 * 60 * 24 * 365,
});

export async function getDisplay(request: Request): Promise<Display> {
  const value: unknown = await displayCookie.parse(request.headers.get("Cookie"));
  return value === "large" ? "large" : "standard";
}

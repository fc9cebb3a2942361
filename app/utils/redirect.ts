import { isSafeText } from "~/domain/text/safe-text";

/**
 * Beyond what no free text may hold (controls, bidi overrides: domain/text/safe-text), no address
 * of ours holds the implicit bidi marks or U+FFFD, which is what invalid UTF-8 decodes to.
 */
const NEVER_IN_OUR_PATHS = /[\u061c\u200e\u200f\ufffd]/;

function holdsUnsafeCharacters(to: string): boolean {
  return !isSafeText(to) || NEVER_IN_OUR_PATHS.test(to);
}

/**
 * Where a "come back here" field may send the browser: resolved against the app's own origin
 * (as the browser would resolve it), and kept only if it stays there; anything else goes to
 * `fallback`. Returns null for a value holding characters no page of ours puts there, which the
 * route refuses with a 400 (a forged request, not a resident's click).
 */
export function safeRedirectPath(to: unknown, origin: string, fallback = "/"): string | null {
  if (typeof to !== "string" || to === "") return fallback;
  if (holdsUnsafeCharacters(to)) return null;
  // Only paths: "https://…", "//host", "\\host" and "javascript:" are never where our forms point.
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  // Dot segments are resolved only now: "/.//evil.example" and "/a/..//evil.example" come out as
  // "//evil.example", which a browser reads as another site.
  if (/^\/[/\\]/.test(url.pathname)) return fallback;
  // Re-serialised by the URL parser: percent-encoded ASCII, safe in a Location header.
  return `${url.pathname}${url.search}${url.hash}`;
}

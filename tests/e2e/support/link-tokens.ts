import { E2E_SESSION_SECRET } from "../../../playwright.config";

/**
 * The app's own derivation of link tokens, keyed with the e2e server's secret, so a test can
 * write a row whose link the server will recognise (and read the link the server will print).
 * Imported lazily: the app's env module reads SESSION_SECRET once, when first imported.
 */
export async function linkTokens() {
  process.env.SESSION_SECRET = E2E_SESSION_SECRET;
  return import("../../../app/utils/link-tokens.server");
}

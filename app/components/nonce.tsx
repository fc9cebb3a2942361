import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response (server.js makes one per request), for the
 * inline scripts Remix and React write into the page. The browser hides nonces once the page
 * is parsed, so after hydration it is "" and nothing needs it.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}

/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

declare module "@remix-run/node" {
  /**
   * remix.config.js turns single fetch on; this tells the types, so `useLoaderData<typeof loader>`
   * and `useActionData<typeof action>` describe what `data()` and plain objects carry (Dates stay
   * Dates) instead of the JSON of a Response.
   */
  interface Future {
    v3_singleFetch: true;
  }

  /** What server.js hands every loader and action. */
  interface AppLoadContext {
    /** The client's IP address (see TRUST_PROXY in the README), used for rate limits. */
    clientAddress: string;
    /** This response's Content-Security-Policy nonce, for the page's inline scripts. */
    cspNonce: string;
    /** The TCP peer's address, whatever TRUST_PROXY says (the local mail view asks for loopback). */
    socketAddress?: string;
    /** A Forwarded or X-Forwarded-For header came with the request: it went through a proxy. */
    forwarded?: boolean;
  }
}

export {};

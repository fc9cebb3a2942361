/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

declare module "@remix-run/node" {
  /** What server.js hands every loader and action. */
  interface AppLoadContext {
    /** The client's IP address (see TRUST_PROXY in the README), used for rate limits. */
    clientAddress: string;
  }
}

export {};

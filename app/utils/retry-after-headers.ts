import type { HeadersArgs } from "@remix-run/node";

/**
 * A route's `headers` export that passes on the Retry-After of a 429 its action answered (Remix
 * keeps only cookies from an action's headers unless the route says otherwise), on top of the
 * route's own headers if it has some.
 */
export function withRetryAfter(own: () => Record<string, string> = () => ({})) {
  return function headers({ actionHeaders }: HeadersArgs): Record<string, string> {
    const retryAfter = actionHeaders.get("Retry-After");
    return retryAfter === null ? own() : { ...own(), "Retry-After": retryAfter };
  };
}

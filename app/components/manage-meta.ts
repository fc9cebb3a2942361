import type { MetaDescriptor } from "@remix-run/node";

type ParentMatches = ReadonlyArray<{ meta?: MetaDescriptor[] } | undefined>;

/**
 * Remix keeps only the deepest route's meta, so the parents' tags are carried over here (the
 * viewport lives in the root layout itself). The pages are personal: search engines keep out.
 */
export function manageMeta(matches: ParentMatches, title?: string): MetaDescriptor[] {
  const inherited = matches.flatMap((match) => match?.meta ?? []).filter((tag) => !("title" in tag));
  return [...inherited, { name: "robots", content: "noindex, nofollow" }, ...(title ? [{ title }] : [])];
}

/**
 * Personal pages whose address is the key: never kept in a cache, so the next person on a
 * tiers-lieu's shared computer cannot bring one back. (entry.server sets the referrer policy.)
 */
export function manageHeaders() {
  return {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex",
  };
}

import { Fragment, type ReactNode } from "react";

import type { EmailContext } from "../types";

const MARK = "\u2063";

/**
 * t() with React nodes among its values (a French title isolated in an Arabic sentence): each
 * node goes in as a marker, and the translated sentence is cut around the markers.
 */
export function Trans({
  ctx,
  k,
  values = {},
}: {
  ctx: EmailContext;
  k: string;
  values?: Record<string, ReactNode | string | number>;
}) {
  const nodes: ReactNode[] = [];
  const options: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string" || typeof value === "number") {
      options[name] = value;
    } else {
      options[name] = `${MARK}${nodes.length}${MARK}`;
      nodes.push(value);
    }
  }
  const parts = ctx.t(k, options).split(new RegExp(`${MARK}(\\d+)${MARK}`));
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>{index % 2 === 1 ? nodes[Number(part)] : part}</Fragment>
      ))}
    </>
  );
}

import type { Seats } from "~/domain/rule";

export function thingPath(id: string, seats?: Seats): string {
  return `/things/${id}${seats === undefined ? "" : `?seats=${seats}`}`;
}

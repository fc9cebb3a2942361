import { db } from "./db.server";

export function readSession(): string {
  return db.id;
}

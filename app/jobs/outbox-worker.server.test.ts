// The worker inside the server: passes never overlap, a failing pass is logged and the next one
// still comes, stop() waits for the pass under way.
import { afterEach, expect, test, vi } from "vitest";

import type { Db } from "~/utils/db.server";

import { recordingTransport, testComposer } from "../../tests/setup/test-mail";
import { startOutboxWorker, type SenderSetup } from "./outbox-worker.server";

afterEach(() => vi.restoreAllMocks());

/** A database whose due-rows query is answered by `findMany` (no row is ever due). */
function setupWith(findMany: () => Promise<unknown[]>): SenderSetup {
  const db = { outboxEmail: { findMany } } as unknown as Db;
  return {
    db,
    compose: testComposer,
    transport: recordingTransport(),
    from: "Passerelle <ne-pas-repondre@passerelle.test>",
    messageIdHost: "passerelle.test",
    leaseMs: 1000,
  };
}

test("a pass that fails is logged without its details' tokens, and the next pass still runs", async () => {
  const errors: string[] = [];
  vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
  let calls = 0;
  let thirdPass!: () => void;
  const reachedThird = new Promise<void>((resolve) => (thirdPass = resolve));
  const worker = startOutboxWorker(
    setupWith(() => {
      calls += 1;
      if (calls === 3) thirdPass();
      return calls === 1 ? Promise.reject(new Error(`database locked ${"t".repeat(43)}`)) : Promise.resolve([]);
    }),
    1,
  );
  await reachedThird;
  await worker.stop();
  expect(errors).toEqual(["outbox: the sender's pass failed: Error: database locked […]"]);
});

test("never two passes at once, and stop() waits for the one under way", async () => {
  let running = 0;
  let most = 0;
  let passes = 0;
  let enough!: () => void;
  const reached = new Promise<void>((resolve) => (enough = resolve));
  const worker = startOutboxWorker(
    setupWith(async () => {
      running += 1;
      most = Math.max(most, running);
      // Each pass lasts longer than the 1 ms interval.
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      passes += 1;
      if (passes === 5) enough();
      return [];
    }),
    1,
  );
  await reached;
  await worker.stop();
  expect(most).toBe(1);
  expect(running).toBe(0);
});

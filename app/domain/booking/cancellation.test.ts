import { describe, expect, it } from "vitest";
import { canCancel, cancellationEffects } from "./cancellation";

const startsAt = new Date("2026-03-03T13:00:00Z");
const scheduled = { status: "SCHEDULED" as const, startsAt };
const before = new Date("2026-03-03T12:00:00Z");

describe("canCancel", () => {
  it("allows cancelling a confirmed or waitlisted booking before the start", () => {
    expect(canCancel({ status: "CONFIRMED" }, scheduled, before)).toEqual({ ok: true });
    expect(canCancel({ status: "WAITLISTED" }, scheduled, before)).toEqual({ ok: true });
  });

  it("allows cancelling one millisecond before the start", () => {
    expect(canCancel({ status: "CONFIRMED" }, scheduled, new Date(startsAt.getTime() - 1))).toEqual({ ok: true });
  });

  it("refuses a booking already cancelled", () => {
    expect(canCancel({ status: "CANCELLED" }, scheduled, before)).toEqual({ ok: false, code: "ALREADY_CANCELLED" });
  });

  it("refuses from the exact start instant", () => {
    expect(canCancel({ status: "CONFIRMED" }, scheduled, startsAt)).toEqual({ ok: false, code: "SESSION_STARTED" });
  });

  it("refuses once the session is completed, whatever the clock says", () => {
    expect(canCancel({ status: "CONFIRMED" }, { status: "COMPLETED", startsAt }, before)).toEqual({
      ok: false,
      code: "SESSION_STARTED",
    });
  });

  it("still lets a person drop a booking on a session that was cancelled", () => {
    expect(canCancel({ status: "CONFIRMED" }, { status: "CANCELLED", startsAt }, before)).toEqual({ ok: true });
  });
});

describe("cancellationEffects", () => {
  it("frees a seat when a confirmed booking is cancelled", () => {
    expect(cancellationEffects({ status: "CONFIRMED" })).toEqual({ freesSeat: true });
  });

  it("frees nothing when a waitlisted booking leaves the queue", () => {
    expect(cancellationEffects({ status: "WAITLISTED" })).toEqual({ freesSeat: false });
  });

  it("frees nothing for a booking already cancelled", () => {
    expect(cancellationEffects({ status: "CANCELLED" })).toEqual({ freesSeat: false });
  });
});

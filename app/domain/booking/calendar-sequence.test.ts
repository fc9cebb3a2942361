import { describe, expect, it } from "vitest";

import { calendarSequence } from "./calendar-sequence";

describe("calendarSequence", () => {
  it("grows when the booking changes and when its session changes", () => {
    const first = calendarSequence({ icsSequence: 0 }, { revision: 0 });
    const bookingChanged = calendarSequence({ icsSequence: 1 }, { revision: 0 });
    const sessionChanged = calendarSequence({ icsSequence: 1 }, { revision: 1 });
    expect(first).toBe(0);
    expect(bookingChanged).toBe(1);
    expect(sessionChanged).toBe(2);
  });
});

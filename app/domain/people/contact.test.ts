import { describe, expect, it } from "vitest";
import { formatPhone, maskEmail, normalizeEmail, normalizePhone } from "./contact";

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Jeanne.Martin@Orange.FR ")).toBe("jeanne.martin@orange.fr");
  });

  it("returns null for nothing typed", () => {
    expect(normalizeEmail("")).toBeNull();
    expect(normalizeEmail("   ")).toBeNull();
    expect(normalizeEmail(null)).toBeNull();
    expect(normalizeEmail(undefined)).toBeNull();
  });

  it("is idempotent", () => {
    const once = normalizeEmail(" A@B.FR ");
    expect(normalizeEmail(once)).toBe(once);
  });
});

describe("normalizePhone, French numbers", () => {
  it.each([
    "06 12 34 56 78",
    "0612345678",
    "06.12.34.56.78",
    "06-12-34-56-78",
    "06/12/34/56/78",
    " 06 12 34 56 78 ",
    "06\u00a012\u00a034\u00a056\u00a078",
    "+33 6 12 34 56 78",
    "+33612345678",
    "+33 (0)6 12 34 56 78",
    "+33 06 12 34 56 78",
    "0033612345678",
    "00 33 6 12 34 56 78",
    "(06) 12 34 56 78",
  ])("reads %j as +33612345678", (raw) => {
    expect(normalizePhone(raw)).toBe("+33612345678");
  });

  it("handles landlines, including the Aude's 04", () => {
    expect(normalizePhone("04 68 10 35 00")).toBe("+33468103500");
    expect(normalizePhone("01 23 45 67 89")).toBe("+33123456789");
    expect(normalizePhone("09 70 12 34 56")).toBe("+33970123456");
  });

  it("gives overseas departments their own country code, however written", () => {
    expect(normalizePhone("0692 12 34 56")).toBe("+262692123456");
    expect(normalizePhone("+262 692 12 34 56")).toBe("+262692123456");
    expect(normalizePhone("0590 12 34 56")).toBe("+590590123456");
    expect(normalizePhone("0696 12 34 56")).toBe("+596696123456");
    expect(normalizePhone("0694 12 34 56")).toBe("+594694123456");
    expect(normalizePhone("0639 01 23 45")).toBe("+262639012345");
  });

  it("rejects numbers of the right shape in blocks that do not exist (the library's metadata knows them)", () => {
    expect(normalizePhone("0639 98 12 34")).toBeNull(); // ARCEP's fiction block in Mayotte's prefix
    expect(normalizePhone("00 00 00 00 00")).toBeNull();
    expect(normalizePhone("+33 692 12 34 56")).toBeNull(); // a Réunion mobile is +262, not +33
  });

  it("rejects French numbers of the wrong length or shape", () => {
    expect(normalizePhone("06 12 34 56 7")).toBeNull();
    expect(normalizePhone("06 12 34 56 789")).toBeNull();
    expect(normalizePhone("01 23 45 67")).toBeNull();
    expect(normalizePhone("+33 6 12 34 56")).toBeNull();
    expect(normalizePhone("+33 0 12 34 56 78")).toBeNull();
  });
});

describe("formatPhone", () => {
  it("writes a French number as people read it, any other in international form", () => {
    expect(formatPhone("+33612345678")).toBe("06 12 34 56 78");
    expect(formatPhone("06.12.34.56.78")).toBe("06 12 34 56 78");
    expect(formatPhone("0033 4 68 10 35 00")).toBe("04 68 10 35 00");
    expect(formatPhone("0692 12 34 56")).toBe("+262 692 12 34 56");
    expect(formatPhone("0044 20 7946 0958")).toBe("+44 20 7946 0958");
  });

  it("returns null for what is not a valid number", () => {
    expect(formatPhone("06 12")).toBeNull();
    expect(formatPhone(null)).toBeNull();
  });
});

describe("normalizePhone, other countries", () => {
  it("keeps an international number as + and digits", () => {
    expect(normalizePhone("+44 20 7946 0958")).toBe("+442079460958");
    expect(normalizePhone("+34 612 34 56 78")).toBe("+34612345678");
    expect(normalizePhone("+213 5 51 23 45 67")).toBe("+213551234567");
  });

  it("reads a 00 prefix as +", () => {
    expect(normalizePhone("0034 612 34 56 78")).toBe("+34612345678");
  });

  it("rejects numbers too short or too long for E.164", () => {
    expect(normalizePhone("+44 123")).toBeNull();
    expect(normalizePhone("+1234567890123456")).toBeNull();
    expect(normalizePhone("+0 612 34 56 78")).toBeNull();
  });
});

describe("normalizePhone, not a phone", () => {
  it.each(["", "   ", "abc", "06 12 34 56 78 poste 12", "06 12 34 56 78 +", "+", "++33612345678", "06*12*34*56*78"])(
    "returns null for %j",
    (raw) => {
      expect(normalizePhone(raw)).toBeNull();
    },
  );

  it("returns null for null, undefined and over-long input", () => {
    expect(normalizePhone(null)).toBeNull();
    expect(normalizePhone(undefined)).toBeNull();
    expect(normalizePhone(`06 12 34 56 78${" ".repeat(30)}0`)).toBeNull();
  });

  it("is idempotent on its own output", () => {
    for (const raw of ["06 12 34 56 78", "0692 12 34 56", "+44 20 7946 0958"]) {
      const once = normalizePhone(raw);
      expect(normalizePhone(once)).toBe(once);
    }
  });
});

describe("maskEmail", () => {
  it("keeps the first letter and the domain", () => {
    expect(maskEmail("marie.dupont@exemple.fr")).toBe("m…@exemple.fr");
    expect(maskEmail("a@b.fr")).toBe("a…@b.fr");
  });

  it("shows nothing of something that is not an address", () => {
    expect(maskEmail("@exemple.fr")).toBe("…");
    expect(maskEmail("sans-arobase")).toBe("…");
  });
});

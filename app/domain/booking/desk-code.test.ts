import { describe, expect, test } from "vitest";

import {
  DESK_CODE_ALPHABET,
  DESK_CODE_LENGTH,
  deskCodeFromBytes,
  formatDeskCode,
  normaliseDeskCode,
} from "./desk-code";

function bytes(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length];
}

describe("the desk code's alphabet", () => {
  test("has none of the characters people confuse: 0/O, 1/I/L", () => {
    for (const char of "0O1IL") expect(DESK_CODE_ALPHABET).not.toContain(char);
  });

  test("keeps one of each look-alike pair", () => {
    for (const [a, b] of ["B8", "G6", "S5", "Z2", "UV", "QO"]) {
      expect(DESK_CODE_ALPHABET.includes(a) && DESK_CODE_ALPHABET.includes(b)).toBe(false);
    }
  });
});

describe("deskCodeFromBytes", () => {
  test("draws eight characters of the alphabet", () => {
    const code = deskCodeFromBytes(bytes([0, 1, 2, 3, 4, 5, 6, 7]));
    expect(code).toBe(DESK_CODE_ALPHABET.slice(0, 8));
    expect(code).toHaveLength(DESK_CODE_LENGTH);
  });

  test("skips the bytes above the last full round of the alphabet, so no character is favoured", () => {
    // 256 = 10 × 25 + 6: bytes 250–255 would make the first six characters likelier.
    const code = deskCodeFromBytes(bytes([255, 250, 24, 24, 24, 24, 24, 24, 24, 24]));
    expect(code).toBe(DESK_CODE_ALPHABET[24].repeat(8));
  });
});

describe("normaliseDeskCode", () => {
  test("takes what staff type: lower case, spaces, dashes", () => {
    expect(normaliseDeskCode(" k7pm-3xra ")).toBe("K7PM3XRA");
    expect(normaliseDeskCode("K7PM 3XRA")).toBe("K7PM3XRA");
  });

  test("maps a look-alike to the character printed", () => {
    expect(normaliseDeskCode("ks5b gzuv")).toBe("K55862VV");
  });

  test("refuses what cannot be a code", () => {
    expect(normaliseDeskCode("")).toBeNull();
    expect(normaliseDeskCode("K7PM3XR")).toBeNull();
    expect(normaliseDeskCode("K7PM3XRAA")).toBeNull();
    expect(normaliseDeskCode("K7PM3XR0")).toBeNull();
    expect(normaliseDeskCode("K7PM3XRÉ")).toBeNull();
  });
});

test("formatDeskCode prints two groups of four", () => {
  expect(formatDeskCode("K7PM3XRA")).toBe("K7PM 3XRA");
});

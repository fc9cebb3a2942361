import { describe, expect, test } from "vitest";

import { isSafeText, unsafeTextReason } from "./safe-text";

describe("unsafeTextReason", () => {
  test("ordinary names, in every script the site speaks, are safe", () => {
    for (const text of [
      "Marie-Thérèse",
      "O'Connor",
      "José Núñez",
      "نادية بن علي",
      "Zoë  d’Arc",
      "Nguyễn",
      "👵🏽 Mamie",
    ]) {
      expect(unsafeTextReason(text)).toBeNull();
    }
  });

  test("control characters are refused: NUL, an ESC sequence, DEL, C1", () => {
    expect(unsafeTextReason("Marie\u0000")).toBe("control");
    expect(unsafeTextReason("\u001b[31mMarie")).toBe("control");
    expect(unsafeTextReason("Ma\u007Frie")).toBe("control");
    expect(unsafeTextReason("Ma\u0085rie")).toBe("control");
    expect(unsafeTextReason("Ma\u009Brie")).toBe("control");
    expect(unsafeTextReason("Marie\u2028Dupont")).toBe("control");
  });

  test("tab and line breaks: refused in a one-line field, allowed in a multi-line one", () => {
    for (const text of ["Marie\nDupont", "Marie\r\nDupont", "Marie\tDupont"]) {
      expect(unsafeTextReason(text)).toBe("control");
      expect(unsafeTextReason(text, { multiline: true })).toBeNull();
    }
    expect(unsafeTextReason("Fauteuil\u0000roulant", { multiline: true })).toBe("control");
  });

  test("bidi embeddings, overrides and isolates are refused; the implicit marks are not", () => {
    for (const mark of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      expect(unsafeTextReason(`Marie${mark}eirama`)).toBe("bidi");
    }
    for (const mark of ["\u200E", "\u200F", "\u061C"]) expect(unsafeTextReason(`نادية${mark} 2`)).toBeNull();
  });

  test("isSafeText says the same", () => {
    expect(isSafeText("Marie")).toBe(true);
    expect(isSafeText("Ma\u202Erie")).toBe(false);
  });
});

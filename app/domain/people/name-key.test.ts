import { describe, expect, it } from "vitest";
import { nameKey, nameKeyPart } from "./name-key";

describe("nameKey", () => {
  it("lower-cases and removes accents", () => {
    expect(nameKey("Hélène", "Dupré")).toBe("helene dupre");
    expect(nameKey("FRANÇOISE", "ÉMERY")).toBe("francoise emery");
  });

  it("makes accented and unaccented spellings equal", () => {
    expect(nameKey("Jérôme", "Lefèvre")).toBe(nameKey("jerome", "LEFEVRE"));
  });

  it("collapses hyphens and runs of spaces into one space", () => {
    expect(nameKey("Jean-Pierre", "Le  Goff")).toBe("jean pierre le goff");
    expect(nameKey("Jean Pierre", "Le-Goff")).toBe(nameKey("Jean-Pierre", "Le Goff"));
    expect(nameKey("  Anne ", " Roux  ")).toBe("anne roux");
  });

  it("drops apostrophes, straight or curly", () => {
    expect(nameKey("Aïcha", "N'Diaye")).toBe("aicha ndiaye");
    expect(nameKey("Aïcha", "N’Diaye")).toBe(nameKey("Aicha", "Ndiaye"));
    expect(nameKey("Yann", "Le Floc'h")).toBe("yann le floch");
  });

  it("spells out ligatures", () => {
    expect(nameKey("Lætitia", "Cœur")).toBe("laetitia coeur");
    expect(nameKey("LÆTITIA", "CŒUR")).toBe(nameKey("Laetitia", "Coeur"));
  });

  it("treats dots of initials as separators", () => {
    expect(nameKeyPart("J.-P.")).toBe("j p");
  });

  it("works with only one part known", () => {
    expect(nameKey("", "Martin")).toBe("martin");
    expect(nameKey("Louise", "")).toBe("louise");
  });
});

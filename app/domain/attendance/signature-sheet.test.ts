import { describe, expect, test } from "vitest";

import {
  blankRowCount,
  MIN_BLANK_ROWS,
  orderParticipants,
  rosterCsv,
  safeCsvCell,
  sheetFileName,
  UTF8_BOM,
  type SheetParticipant,
} from "./signature-sheet";

function participant(personId: string, lastName: string, firstName: string, isWalkIn = false): SheetParticipant {
  return {
    personId,
    firstName,
    lastName,
    commune: null,
    phone: null,
    email: null,
    source: isWalkIn ? null : "ONLINE",
    attendance: null,
    isWalkIn,
  };
}

describe("orderParticipants", () => {
  test("booked learners by last then first name, in French order, then walk-ins by name", () => {
    const rows = orderParticipants([
      participant("w1", "Zidane", "Ali", true),
      participant("b1", "martin", "Paul"),
      participant("b2", "Élie", "Jeanne"),
      participant("w2", "Abadie", "Rose", true),
      participant("b3", "Martin", "Anne"),
      participant("b4", "Eluard", "Marc"),
    ]);
    expect(rows.map((r) => r.personId)).toEqual(["b2", "b4", "b3", "b1", "w2", "w1"]);
  });

  test("two people with the same name keep a stable order", () => {
    const rows = orderParticipants([participant("p2", "Roux", "Lou"), participant("p1", "Roux", "Lou")]);
    expect(rows.map((r) => r.personId)).toEqual(["p1", "p2"]);
  });
});

describe("blankRowCount", () => {
  test("fills the first page, and always leaves a few rows", () => {
    expect(blankRowCount(0)).toBe(12);
    expect(blankRowCount(6)).toBe(6);
    expect(blankRowCount(8)).toBe(MIN_BLANK_ROWS);
    expect(blankRowCount(40)).toBe(MIN_BLANK_ROWS);
  });
});

describe("safeCsvCell", () => {
  test.each(['=HYPERLINK("http://x")', "+33 6", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"])(
    "%j becomes text with a leading apostrophe",
    (value) => {
      expect(safeCsvCell(value)).toBe(`'${value}`);
    },
  );

  test("ordinary values, a formula sign inside, and empty cells are left alone", () => {
    expect(safeCsvCell("Dupont")).toBe("Dupont");
    expect(safeCsvCell("Jean-Marie")).toBe("Jean-Marie");
    expect(safeCsvCell("06 12 34 56 78")).toBe("06 12 34 56 78");
    expect(safeCsvCell(null)).toBe("");
    expect(safeCsvCell("")).toBe("");
  });
});

describe("rosterCsv", () => {
  test("a BOM, `;` between cells, CRLF, quotes only where needed, every cell made safe", () => {
    const csv = rosterCsv(
      ["Nom", "Prénom", "Commune"],
      [
        ["=cmd|' /C calc'!A0", "Zoé", "Saint-Hilaire; Aude"],
        ["Dupont", null, "Carcassonne"],
      ],
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Nom;Prénom;Commune",
      "'=cmd|' /C calc'!A0;Zoé;\"Saint-Hilaire; Aude\"",
      "Dupont;;Carcassonne",
      "",
    ]);
  });
});

describe("sheetFileName", () => {
  test("the day and the workshop, without accents or spaces", () => {
    expect(sheetFileName("2026-12-03", "tablette-premiers-pas")).toBe(
      "emargement-2026-12-03-tablette-premiers-pas.csv",
    );
    expect(sheetFileName("2026-12-03", "Écrire un e-mail !")).toBe("emargement-2026-12-03-ecrire-un-e-mail.csv");
    expect(sheetFileName("2026-12-03", "")).toBe("emargement-2026-12-03.csv");
  });
});

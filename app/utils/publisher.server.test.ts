import { describe, expect, test } from "vitest";

import { parsePublisher } from "./publisher.server";

const REAL = {
  PUBLISHER_NAME: "Carcassonne Agglo",
  PUBLISHER_ADDRESS: "1 rue Pierre Germain, 11890 Carcassonne",
  PUBLISHER_PHONE: "04 68 10 56 00",
  PUBLISHER_EMAIL: "contact@carcassonne-agglo.fr",
  PUBLISHER_SIREN: "200 035 715",
  PUBLICATION_DIRECTOR: "Le président de Carcassonne Agglo",
  HOST_NAME: "Un hébergeur",
  HOST_ADDRESS: "2 rue du Centre, 75001 Paris",
  DPO_EMAIL: "dpo@carcassonne-agglo.fr",
  DPO_ADDRESS: "DPO, 1 rue Pierre Germain, 11890 Carcassonne",
  ACCESSIBILITY_EMAIL: "accessibilite@carcassonne-agglo.fr",
  ACCESSIBILITY_STATEMENT_DATE: "2027-01-15",
};

describe("parsePublisher", () => {
  test("without configuration, demo values the pages flag as such", () => {
    const publisher = parsePublisher({});
    expect(publisher.demo).toBe(true);
    expect(publisher.name).toMatch(/démonstration/);
    expect(publisher.dpo.email).toMatch(/\.example$/);
  });

  test("a body that gives every value is no demo", () => {
    const publisher = parsePublisher(REAL);
    expect(publisher).toMatchObject({
      demo: false,
      name: "Carcassonne Agglo",
      dpo: { email: "dpo@carcassonne-agglo.fr" },
      host: { name: "Un hébergeur" },
    });
    expect(publisher.statementDate.toISOString().slice(0, 10)).toBe("2027-01-15");
  });

  test("one value left out keeps the demo warning", () => {
    const { DPO_EMAIL: _left, ...partial } = REAL;
    expect(parsePublisher(partial).demo).toBe(true);
  });

  test("a malformed email or date stops the start with a clear message", () => {
    expect(() => parsePublisher({ ...REAL, DPO_EMAIL: "dpo" })).toThrow(/DPO_EMAIL must be an email address/);
    expect(() => parsePublisher({ ...REAL, ACCESSIBILITY_STATEMENT_DATE: "15/01/2027" })).toThrow(
      /ACCESSIBILITY_STATEMENT_DATE/,
    );
  });
});

import { describe, expect, it } from "vitest";
import { findMatchingPerson, firstNamesAgree, isSamePerson, type PersonContact } from "./same-person";

const jeanne: PersonContact = {
  firstName: "Jeanne",
  lastName: "Martin",
  email: "famille.martin@orange.fr",
  phone: "+33468123456",
};

describe("isSamePerson", () => {
  it("recognises the same person by email alone", () => {
    expect(isSamePerson({ firstName: "Jeanne", lastName: "Martin", email: "Famille.Martin@orange.fr " }, jeanne)).toBe(
      true,
    );
  });

  it("recognises the same person by phone alone, whatever its writing", () => {
    expect(isSamePerson({ firstName: "Jeanne", lastName: "Martin", phone: "04.68.12.34.56" }, jeanne)).toBe(true);
  });

  it("tells a spouse sharing the household email apart by first name", () => {
    const robert = { firstName: "Robert", lastName: "Martin", email: "famille.martin@orange.fr" };
    expect(isSamePerson(robert, jeanne)).toBe(false);
  });

  it("tells a spouse sharing the landline apart by first name", () => {
    const robert = { firstName: "Robert", lastName: "Martin", phone: "04 68 12 34 56" };
    expect(isSamePerson(robert, jeanne)).toBe(false);
  });

  it("keeps Michel and Michèle apart although only an accent and an e differ", () => {
    const michel = { firstName: "Michel", lastName: "Roux", email: "roux@free.fr" };
    const michele = { firstName: "Michèle", lastName: "Roux", email: "roux@free.fr" };
    expect(isSamePerson(michel, michele)).toBe(false);
  });

  it("ignores case, accents and hyphens in the first name", () => {
    const typed = { firstName: "JEANNE", lastName: "martin", email: "famille.martin@orange.fr" };
    expect(isSamePerson(typed, jeanne)).toBe(true);
    const helene = { firstName: "Hélène", lastName: "Roux", phone: "0612345678" };
    expect(isSamePerson({ firstName: "helene", lastName: "Roux", phone: "+33 6 12 34 56 78" }, helene)).toBe(true);
    const jp = { firstName: "Jean-Pierre", lastName: "Roux", phone: "0612345678" };
    expect(isSamePerson({ firstName: "Jean Pierre", lastName: "Roux", phone: "0612345678" }, jp)).toBe(true);
    expect(isSamePerson({ firstName: "Jeanpierre", lastName: "Roux", phone: "0612345678" }, jp)).toBe(true);
  });

  it("accepts a compound first name given short", () => {
    const jp = { firstName: "Jean-Pierre", lastName: "Roux", email: "jp@free.fr" };
    expect(isSamePerson({ firstName: "Jean", lastName: "Roux", email: "jp@free.fr" }, jp)).toBe(true);
  });

  it("does not take the second half of a compound name, nor a longer name, for the same person", () => {
    const jp = { firstName: "Jean-Pierre", lastName: "Roux", email: "jp@free.fr" };
    expect(isSamePerson({ firstName: "Pierre", lastName: "Roux", email: "jp@free.fr" }, jp)).toBe(false);
    const jean = { firstName: "Jean", lastName: "Roux", email: "roux@free.fr" };
    expect(isSamePerson({ firstName: "Jeanne", lastName: "Roux", email: "roux@free.fr" }, jean)).toBe(false);
  });

  it("still matches when the last name changed (maiden and married names)", () => {
    expect(isSamePerson({ firstName: "Jeanne", lastName: "Durand", email: "famille.martin@orange.fr" }, jeanne)).toBe(
      true,
    );
  });

  it("never matches on the name alone", () => {
    expect(isSamePerson({ firstName: "Jeanne", lastName: "Martin", email: "autre@gmail.com" }, jeanne)).toBe(false);
    expect(isSamePerson({ firstName: "Jeanne", lastName: "Martin" }, jeanne)).toBe(false);
  });

  it("does not treat two missing emails or phones as a shared contact", () => {
    const a = { firstName: "Paul", lastName: "Roux", email: null, phone: null };
    const b = { firstName: "Paul", lastName: "Roux", email: "", phone: "  " };
    expect(isSamePerson(a, b)).toBe(false);
  });

  it("accepts stored, already normalised fields on the existing record", () => {
    const stored = {
      firstName: "Jeanne",
      lastName: "Martin",
      email: "famille.martin@orange.fr",
      phone: "+33468123456",
    };
    expect(isSamePerson({ firstName: "Jeanne", lastName: "Martin", phone: "0033 4 68 12 34 56" }, stored)).toBe(true);
  });
});

describe("firstNamesAgree", () => {
  it("treats an empty first name as agreeing only with another empty one", () => {
    expect(firstNamesAgree("", "")).toBe(true);
    expect(firstNamesAgree("", "Jeanne")).toBe(false);
    expect(firstNamesAgree("Jeanne", " ")).toBe(false);
  });
});

describe("findMatchingPerson", () => {
  const robert = {
    id: "robert",
    firstName: "Robert",
    lastName: "Martin",
    email: "famille.martin@orange.fr",
    phone: null,
  };
  const jeanneRow = { id: "jeanne", ...jeanne };

  it("finds the household member whose first name matches", () => {
    const candidate = { firstName: "Jeanne", lastName: "Martin", email: "famille.martin@orange.fr" };
    expect(findMatchingPerson(candidate, [robert, jeanneRow])?.id).toBe("jeanne");
  });

  it("returns null when only a spouse shares the contact", () => {
    const candidate = { firstName: "Simone", lastName: "Martin", email: "famille.martin@orange.fr" };
    expect(findMatchingPerson(candidate, [robert, jeanneRow])).toBeNull();
  });

  it("returns null for an empty list", () => {
    expect(findMatchingPerson(jeanne, [])).toBeNull();
  });

  it("prefers the record with the same full name among duplicates", () => {
    const maiden = {
      id: "maiden",
      firstName: "Jeanne",
      lastName: "Durand",
      email: "famille.martin@orange.fr",
      phone: "0468123456",
    };
    const married = {
      id: "married",
      firstName: "Jeanne",
      lastName: "Martin",
      email: "famille.martin@orange.fr",
      phone: null,
    };
    const candidate = {
      firstName: "Jeanne",
      lastName: "Martin",
      email: "famille.martin@orange.fr",
      phone: "0468123456",
    };
    expect(findMatchingPerson(candidate, [maiden, married])?.id).toBe("married");
  });

  it("then prefers the record sharing more contacts", () => {
    const emailOnly = {
      id: "email",
      firstName: "Jeanne",
      lastName: "Martin",
      email: "famille.martin@orange.fr",
      phone: null,
    };
    const both = {
      id: "both",
      firstName: "Jeanne",
      lastName: "Martin",
      email: "famille.martin@orange.fr",
      phone: "+33468123456",
    };
    expect(findMatchingPerson(jeanne, [emailOnly, both])?.id).toBe("both");
  });

  it("keeps the caller's order on a tie", () => {
    const first = { id: "first", firstName: "Jeanne", lastName: "Martin", email: "famille.martin@orange.fr" };
    const second = { id: "second", firstName: "Jeanne", lastName: "Martin", email: "famille.martin@orange.fr" };
    expect(findMatchingPerson(jeanne, [first, second])?.id).toBe("first");
  });
});

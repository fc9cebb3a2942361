import { describe, expect, test } from "vitest";

import { nameKey } from "./name-key";
import {
  ageBandOfBirthYear,
  candidateKind,
  decideNewPerson,
  glimpseOf,
  parseWalkInQuery,
  REQUEST_KEY_PATTERN,
  type ExistingContact,
} from "./walk-in-match";

describe("parseWalkInQuery", () => {
  test("a name is searched without accents or case, whole in either order or as first name + start of last name", () => {
    expect(parseWalkInQuery("  Hélène DUPONT ")).toEqual({
      kind: "name",
      exact: ["dupont helene", "helene dupont"],
      prefix: "helene dupont",
    });
    expect(parseWalkInQuery("helene du")).toMatchObject({ kind: "name", prefix: "helene du" });
    expect(parseWalkInQuery("Jean-Pierre Le Floc'h")).toMatchObject({
      kind: "name",
      prefix: "jean pierre le floch",
      exact: expect.arrayContaining(["le floch jean pierre", "jean pierre le floch"]),
    });
  });

  test("a first name alone, or with one letter of the last name, is too vague to search", () => {
    expect(parseWalkInQuery("Hélène")).toEqual({ kind: "too-vague", reason: "NAME_TOO_SHORT" });
    expect(parseWalkInQuery("Hélène D")).toEqual({ kind: "too-vague", reason: "NAME_TOO_SHORT" });
    expect(parseWalkInQuery("a")).toEqual({ kind: "too-vague", reason: "NAME_TOO_SHORT" });
  });

  test("LIKE wildcards never reach the name prefix", () => {
    expect(parseWalkInQuery("helene %du_")).toMatchObject({ kind: "name", prefix: "helene du" });
    expect(parseWalkInQuery("% %%")).toEqual({ kind: "too-vague", reason: "NAME_TOO_SHORT" });
  });

  test("a phone in any usual writing is one E.164 number; part of a number is not searched", () => {
    for (const written of ["06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "06.12.34.56.78", "0033612345678"]) {
      expect(parseWalkInQuery(written)).toEqual({ kind: "phone", phoneNormalized: "+33612345678" });
    }
    expect(parseWalkInQuery("06 12 34")).toEqual({ kind: "too-vague", reason: "PHONE_INCOMPLETE" });
  });

  test("an email is compared whole and lower-cased; a fragment is not searched", () => {
    expect(parseWalkInQuery(" Helene.Dupont@Exemple.FR ")).toEqual({
      kind: "email",
      emailNormalized: "helene.dupont@exemple.fr",
    });
    expect(parseWalkInQuery("helene@")).toEqual({ kind: "too-vague", reason: "EMAIL_INCOMPLETE" });
    expect(parseWalkInQuery("@exemple.fr")).toEqual({ kind: "too-vague", reason: "EMAIL_INCOMPLETE" });
  });

  test("empty and overlong queries", () => {
    expect(parseWalkInQuery("   ")).toEqual({ kind: "empty" });
    expect(parseWalkInQuery("a ".repeat(100))).toEqual({ kind: "too-vague", reason: "TOO_LONG" });
  });
});

describe("glimpseOf", () => {
  const now = new Date("2026-12-03T10:00:00Z");
  const helene = {
    id: "p1",
    firstName: "Hélène",
    lastName: "Dupont",
    nameKey: nameKey("Hélène", "Dupont"),
    communeName: "Trèbes",
    ageBand: null,
    birthYear: 1950,
  };

  test("shows the last name's initial unless the trainer typed it whole, and an age band rather than a birth year", () => {
    expect(glimpseOf(helene, [], now)).toEqual({
      id: "p1",
      firstName: "Hélène",
      lastName: "D",
      lastNameIsInitial: true,
      communeName: "Trèbes",
      ageBand: "FROM_70",
    });
    expect(glimpseOf(helene, ["helene dupont"], now)).toMatchObject({ lastName: "Dupont", lastNameIsInitial: false });
  });

  test("the stored age band wins over the birth year", () => {
    expect(glimpseOf({ ...helene, ageBand: "FROM_60_TO_69" }, [], now).ageBand).toBe("FROM_60_TO_69");
  });
});

describe("ageBandOfBirthYear", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  test.each([
    [2010, "UNDER_18"],
    [2008, "FROM_18_TO_24"],
    [2001, "FROM_25_TO_39"],
    [1986, "FROM_40_TO_59"],
    [1966, "FROM_60_TO_69"],
    [1956, "FROM_70"],
  ] as const)("born in %i: %s", (year, band) => {
    expect(ageBandOfBirthYear(year, now)).toBe(band);
  });
});

describe("a new person and the people already known", () => {
  const input = {
    firstName: "Hélène",
    lastName: "Dupont",
    nameKey: "helene dupont",
    emailNormalized: null,
    phoneNormalized: "+33612345678",
  };
  const known = (overrides: Partial<ExistingContact>): ExistingContact => ({
    id: "x",
    firstName: "Hélène",
    nameKey: "helene martin",
    emailNormalized: null,
    phoneNormalized: null,
    ...overrides,
  });

  test("same phone and first name: the same person; same phone, other first name: a household member; same name only: maybe", () => {
    expect(candidateKind(input, known({ phoneNormalized: "+33612345678" }))).toBe("SAME_CONTACT");
    expect(candidateKind(input, known({ firstName: "Michel", phoneNormalized: "+33612345678" }))).toBe(
      "SHARED_CONTACT",
    );
    expect(candidateKind(input, known({ nameKey: "helene dupont", phoneNormalized: "+33699999999" }))).toBe(
      "SAME_NAME",
    );
    expect(candidateKind(input, known({}))).toBeNull();
    expect(
      candidateKind(
        { ...input, phoneNormalized: null, emailNormalized: "h@x.fr" },
        known({ emailNormalized: "h@x.fr" }),
      ),
    ).toBe("SAME_CONTACT");
  });

  test("nobody alike: create", () => {
    expect(decideNewPerson(input, [known({})], [])).toEqual({ create: true });
  });

  test("a namesake: shown first, created only once the trainer ruled them out", () => {
    const namesake = known({ id: "n1", nameKey: "helene dupont" });
    expect(decideNewPerson(input, [namesake], [])).toEqual({
      create: false,
      candidates: [{ id: "n1", kind: "SAME_NAME" }],
      mustReuse: false,
    });
    expect(decideNewPerson(input, [namesake], ["n1"])).toEqual({ create: true });
  });

  test("a candidate who appeared after the trainer ruled the others out is shown too", () => {
    const first = known({ id: "n1", nameKey: "helene dupont" });
    const second = known({ id: "n2", firstName: "Michel", phoneNormalized: "+33612345678" });
    expect(decideNewPerson(input, [first, second], ["n1"])).toMatchObject({
      create: false,
      candidates: [
        { id: "n2", kind: "SHARED_CONTACT" },
        { id: "n1", kind: "SAME_NAME" },
      ],
    });
  });

  test("the same phone and first name can never be ruled out: the existing record must be used", () => {
    const same = known({ id: "s1", phoneNormalized: "+33612345678" });
    expect(decideNewPerson(input, [same], ["s1"])).toEqual({
      create: false,
      candidates: [{ id: "s1", kind: "SAME_CONTACT" }],
      mustReuse: true,
    });
  });
});

test("request keys: random base64url, with an optional purpose", () => {
  expect(REQUEST_KEY_PATTERN.test("abcdefghijklmnopqrstuv")).toBe(true);
  expect(REQUEST_KEY_PATTERN.test("abcdefghijklmnopqrstuv:new")).toBe(true);
  expect(REQUEST_KEY_PATTERN.test("abcdefghijklmnopqrstuv:p:cm1abc")).toBe(false);
  expect(REQUEST_KEY_PATTERN.test("short")).toBe(false);
  expect(REQUEST_KEY_PATTERN.test("abcdefghijklmnopqrstuv:' OR 1")).toBe(false);
});

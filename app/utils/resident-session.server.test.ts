import { describe, expect, it } from "vitest";
import { NOW, personInput } from "../../tests/fixtures/rows";
import { prisma } from "./db.server";
import {
  endResidentSession,
  getResidentAccess,
  getResidentPersonId,
  startResidentSession,
} from "./resident-session.server";

const access = (personId: string, contactEmailNormalized: string | null = "marie@example.org") => ({
  personId,
  contactEmailNormalized,
});

async function createPerson() {
  const input = personInput();
  return prisma.person.create({
    data: { firstName: input.firstName, lastName: input.lastName, nameKey: `${input.firstName} ${input.lastName}` },
    select: { id: true },
  });
}

/** A request carrying the cookie a Set-Cookie header set. */
function withCookie(setCookie: string): Request {
  return new Request("http://localhost/mes-reservations/liste", {
    headers: { Cookie: setCookie.split(";")[0] },
  });
}

describe("resident session", () => {
  it("remembers the contact email the link was asked with: the session acts on those bookings only", async () => {
    const person = await createPerson();
    const setCookie = await startResidentSession(new Request("http://localhost/"), access(person.id), NOW);
    expect(await getResidentAccess(withCookie(setCookie), NOW)).toEqual({
      personId: person.id,
      contactEmailNormalized: "marie@example.org",
    });
  });

  it("opens the person's bookings for one hour", async () => {
    const person = await createPerson();
    const setCookie = await startResidentSession(new Request("http://localhost/"), access(person.id), NOW);
    const request = withCookie(setCookie);
    expect(await getResidentPersonId(request, NOW)).toBe(person.id);
    expect(await getResidentPersonId(request, new Date(NOW.getTime() + 59 * 60 * 1000))).toBe(person.id);
    expect(await getResidentPersonId(request, new Date(NOW.getTime() + 60 * 60 * 1000))).toBeNull();
  });

  it("keeps only a random token in the cookie and its hash in the database", async () => {
    const person = await createPerson();
    const setCookie = await startResidentSession(new Request("http://localhost/"), access(person.id), NOW);
    expect(setCookie).not.toContain(person.id);
    const rows = await prisma.residentSession.findMany({ where: { personId: person.id } });
    expect(rows).toHaveLength(1);
    expect(setCookie).not.toContain(rows[0].tokenHash);
  });

  it("signing out ends it for good: the old cookie, replayed, opens nothing", async () => {
    const person = await createPerson();
    const setCookie = await startResidentSession(new Request("http://localhost/"), access(person.id), NOW);
    const oldCookie = withCookie(setCookie);
    const cleared = await endResidentSession(oldCookie, NOW);
    expect(cleared).toMatch(/Max-Age=0/);
    expect(await getResidentPersonId(oldCookie, NOW)).toBeNull();
  });

  it("a new link opened in the same browser ends the session it carried", async () => {
    const person = await createPerson();
    const first = withCookie(await startResidentSession(new Request("http://localhost/"), access(person.id), NOW));
    const second = withCookie(await startResidentSession(first, access(person.id), NOW));
    expect(await getResidentPersonId(first, NOW)).toBeNull();
    expect(await getResidentPersonId(second, NOW)).toBe(person.id);
  });

  it("a forged or garbled cookie opens nothing", async () => {
    for (const cookie of ["__resident=abc", "__resident=%E0%A4%A", "__resident="]) {
      const request = new Request("http://localhost/", { headers: { Cookie: cookie } });
      expect(await getResidentPersonId(request, NOW)).toBeNull();
    }
  });
});

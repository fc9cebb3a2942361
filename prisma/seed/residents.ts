import { normalizeEmail, normalizePhone } from "../../app/domain/people/contact";
import { nameKey } from "../../app/domain/people/name-key";
import type { Random } from "./random";
import type { MemberCommune } from "./territory";

/**
 * About 150 residents of the agglomeration, mostly 60 and over. A few are written by hand so
 * the demo shows the cases that matter (households sharing an e-mail, phone-only seniors,
 * other languages, accessibility needs with a helper); the rest are drawn with the PRNG.
 *
 * Contact details cannot reach anyone: e-mails use the reserved `.example` domain and phone
 * numbers come from the blocks ARCEP reserves for fiction. Residents get 04 65 71 xx xx (the
 * south-east zone, like Aude's 04 68), helpers living further away 01 99 00 or 05 36 49. ARCEP's
 * mobile fiction block, 06 39 98, is not used: it lies in Mayotte's 0639 prefix, so the app
 * rightly normalises it to +262, which would look wrong for a resident of the Aude.
 */

export type ResidentSeed = {
  id: string;
  firstName: string;
  lastName: string;
  nameKey: string;
  email: string | null;
  emailNormalized: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  communeInsee: string;
  /** slug of the place that serves the resident's commune */
  homePlace: string;
  age: number;
  preferredLanguage: string;
  consentServiceEmails: boolean;
  consentReminders: boolean;
  accessibilityNeeds: string | null;
  helperName: string | null;
  helperEmail: string | null;
  helperPhone: string | null;
  helperReceivesReminders: boolean;
  /** registered at the desk or by phone by a mediator of their place */
  registeredByStaff: boolean;
  /** how long before the seed's week the resident was registered */
  registeredDaysAgo: number;
};

export const RESIDENT_COUNT = 150;

// prettier-ignore
const WOMEN_SENIOR = [
  "Monique", "Josiane", "Christiane", "Marie-Thérèse", "Jacqueline", "Danielle", "Yvette", "Paulette",
  "Simone", "Colette", "Michèle", "Françoise", "Nicole", "Odette", "Ginette", "Annie", "Martine",
  "Chantal", "Évelyne", "Gisèle", "Huguette", "Raymonde", "Claudine", "Bernadette", "Geneviève",
  "Arlette", "Lucienne", "Jeannine", "Marie-Claude", "Mireille", "Régine", "Éliane", "Suzanne",
] as const;
// prettier-ignore
const MEN_SENIOR = [
  "Jean", "Michel", "André", "Pierre", "Bernard", "Jacques", "Gérard", "Claude", "Alain", "Guy",
  "René", "Marcel", "Robert", "Roger", "Serge", "Christian", "Daniel", "Jean-Pierre", "Jean-Claude",
  "Francis", "Henri", "Joseph", "Raymond", "Lucien", "Yves", "Jean-Louis", "Maurice", "Armand",
  "Georges", "Édouard",
] as const;
// prettier-ignore
const WOMEN_YOUNGER = [
  "Sandrine", "Nathalie", "Céline", "Aurélie", "Laetitia", "Stéphanie", "Karine", "Sabrina", "Audrey",
  "Émilie", "Virginie", "Inès", "Manon", "Yasmina",
] as const;
// prettier-ignore
const MEN_YOUNGER = [
  "Sébastien", "Julien", "Nicolas", "Mickaël", "Kévin", "Frédéric", "Cédric", "Mehdi", "Romain",
  "Anthony", "Lucas", "Thibault",
] as const;
// prettier-ignore
const LAST_NAMES = [
  "Martin", "Fabre", "Roux", "Bonnet", "Rouquette", "Ricard", "Vidal", "Marty", "Bousquet", "Cros",
  "Teisseire", "Granier", "Mas", "Vergnes", "Barthe", "Calvet", "Pagès", "Rey", "Sanchez", "Lopez",
  "Fernandez", "Martinez", "Gomez", "Alquier", "Assémat", "Bonnafous", "Cathala", "Combes", "Daudé",
  "Gleizes", "Guiraud", "Laffon", "Nègre", "Ourliac", "Sarda", "Siau", "Tailhades", "Tournier", "Py",
  "Escande", "Bénazet", "Courrière", "Fourcade", "Lacombe", "Miquel", "Azaïs", "Bertrand", "Cabanel",
  "Durand", "Estève", "Fournier", "Galy", "Hortala", "Jalabert", "Lignon", "Maynadier", "Noguès",
  "Pech", "Roques", "Séguier", "Tisseyre", "Vals", "Blanc", "Castel", "Dedieu", "Faure", "Gau",
] as const;
// prettier-ignore
const EMAIL_DOMAINS = [
  "orange.example", "laposte.example", "free.example", "sfr.example", "wanadoo.example",
  "gmail.example", "hotmail.example",
] as const;

/** Residents written by hand; homePlace and ids are filled in by buildResidents. */
type HandWritten = Omit<ResidentSeed, "id" | "nameKey" | "emailNormalized" | "phoneNormalized" | "homePlace">;

const base = {
  preferredLanguage: "fr",
  consentServiceEmails: true,
  consentReminders: true,
  accessibilityNeeds: null,
  helperName: null,
  helperEmail: null,
  helperPhone: null,
  helperReceivesReminders: false,
  registeredByStaff: false,
  registeredDaysAgo: 200,
} satisfies Partial<HandWritten>;

// prettier-ignore
const HAND_WRITTEN: HandWritten[] = [
  // A household sharing one e-mail address: first names tell them apart.
  { ...base, firstName: "Michel", lastName: "Roux", email: "famille.roux@orange.example", phone: "04 65 71 61 12", communeInsee: "11429", age: 74 },
  { ...base, firstName: "Josiane", lastName: "Roux", email: "famille.roux@orange.example", phone: null, communeInsee: "11429", age: 71 },
  // Another one, with the address typed in capitals once: emailNormalized is what matches.
  { ...base, firstName: "Gérard", lastName: "Cazals", email: "Cazals.GS@LaPoste.example", phone: "04 65 71 20 31", communeInsee: "11081", age: 79, registeredDaysAgo: 320 },
  { ...base, firstName: "Simone", lastName: "Cazals", email: "cazals.gs@laposte.example", phone: "04 65 71 20 31", communeInsee: "11081", age: 77, registeredDaysAgo: 320 },
  // English-speaking retirees in the Minervois and the Cabardès.
  { ...base, firstName: "Margaret", lastName: "Thompson", email: "maggie.thompson@gmail.example", phone: "04 65 71 62 47", communeInsee: "11286", age: 72, preferredLanguage: "en" },
  { ...base, firstName: "Peter", lastName: "Walker", email: "peter.walker@hotmail.example", phone: null, communeInsee: "11253", age: 68, preferredLanguage: "en" },
  // Spanish-speaking, phone only, her daughter receives the reminders.
  {
    ...base, firstName: "Carmen", lastName: "Ruiz", email: null, phone: "04 65 71 33 08", communeInsee: "11069", age: 83,
    preferredLanguage: "es", consentServiceEmails: false, registeredByStaff: true,
    helperName: "Isabel Ruiz (sa fille)", helperEmail: "isabel.ruiz@free.example", helperPhone: "05 36 49 03 55", helperReceivesReminders: true,
  },
  // Arabic-speaking residents of Carcassonne and Trèbes.
  { ...base, firstName: "Fatima", lastName: "Belkacem", email: null, phone: "04 65 71 64 61", communeInsee: "11069", age: 66, preferredLanguage: "ar", consentServiceEmails: false, registeredByStaff: true },
  { ...base, firstName: "Mohamed", lastName: "Mansouri", email: "m.mansouri@sfr.example", phone: "04 65 71 65 73", communeInsee: "11397", age: 71, preferredLanguage: "ar" },
  { ...base, firstName: "Ana", lastName: "Fernández", email: "ana.fernandez@gmail.example", phone: "04 65 71 66 18", communeInsee: "11069", age: 64, preferredLanguage: "es" },
  // Accessibility needs, some with a helper.
  {
    ...base, firstName: "Raymonde", lastName: "Sabatier", email: null, phone: "04 65 71 41 26", communeInsee: "11378", age: 87,
    consentServiceEmails: false, registeredByStaff: true, registeredDaysAgo: 150,
    accessibilityNeeds: "Malentendante, appareillée : parler face à elle, lentement, sans bruit de fond.",
    helperName: "Sophie Sabatier (sa petite-fille)", helperEmail: null, helperPhone: "01 99 00 07 92", helperReceivesReminders: true,
  },
  {
    ...base, firstName: "André", lastName: "Pujol", email: "andre.pujol@orange.example", phone: "04 65 71 68 34", communeInsee: "11018", age: 79,
    accessibilityNeeds: "Se déplace en fauteuil roulant : prévoir une place à table sans chaise.",
  },
  {
    ...base, firstName: "Yvette", lastName: "Marty", email: null, phone: "04 65 71 52 70", communeInsee: "11069", age: 84,
    consentServiceEmails: false, registeredByStaff: true,
    accessibilityNeeds: "Malvoyante : grands caractères et écran agrandi, lui lire les consignes.",
    helperName: "Laurent Marty (son fils)", helperEmail: "laurent.marty@laposte.example", helperPhone: null, helperReceivesReminders: true,
  },
  {
    ...base, firstName: "Gilbert", lastName: "Vidal", email: "gilbert.vidal@wanadoo.example", phone: "04 65 71 69 16", communeInsee: "11068", age: 76,
    accessibilityNeeds: "Tremblements des mains : l'écran tactile est difficile, lui prêter un stylet.",
  },
  // Younger residents looking for work or training.
  { ...base, firstName: "Sabrina", lastName: "Lopez", email: "sabrina.lopez@gmail.example", phone: "04 65 71 70 40", communeInsee: "11069", age: 34, registeredDaysAgo: 60 },
  { ...base, firstName: "Kévin", lastName: "Granier", email: "kevin.granier@gmail.example", phone: "04 65 71 71 85", communeInsee: "11397", age: 22, registeredDaysAgo: 45 },
  { ...base, firstName: "Nathalie", lastName: "Pagès", email: "nathalie.pages@sfr.example", phone: "04 65 71 72 09", communeInsee: "11099", age: 52 },
];

function ageBandOf(age: number) {
  if (age < 18) return "UNDER_18" as const;
  if (age < 25) return "FROM_18_TO_24" as const;
  if (age < 40) return "FROM_25_TO_39" as const;
  if (age < 60) return "FROM_40_TO_59" as const;
  if (age < 70) return "FROM_60_TO_69" as const;
  return "FROM_70" as const;
}
export { ageBandOf };

function asciiLocalPart(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
}

/**
 * How many generated residents each place's area gets, Carcassonne aside. The hub's area
 * (14 communes, 70 % of the population) weighs most; each rural area gets about the same,
 * since the tiers-lieux exist precisely to reach them.
 */
const GENERATED_PER_AREA: Record<string, number> = {
  "hub-carcassonne": 22,
  "tiers-lieu-montolieu": 17,
  "tiers-lieu-caunes-minervois": 17,
  "tiers-lieu-capendu": 17,
  "tiers-lieu-val-de-dagne": 15,
  "tiers-lieu-arzens": 16,
};
const CARCASSONNE = "11069";

/** The app's own normaliser, so seeded residents are found the way real ones are. */
function checkedPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const normalized = normalizePhone(phone);
  if (!normalized) throw new Error(`Seed phone number the app would reject: ${phone}`);
  return normalized;
}

export function buildResidents(
  rand: Random,
  communes: readonly MemberCommune[],
  placeByCommune: Map<string, string>,
): ResidentSeed[] {
  const handWrittenCount = HAND_WRITTEN.length;
  const generatedOutsideCarcassonne = Object.values(GENERATED_PER_AREA).reduce((a, b) => a + b, 0);
  const generatedInCarcassonne = RESIDENT_COUNT - handWrittenCount - generatedOutsideCarcassonne;

  // Communes drawn within an area weighted by the square root of their population, so small
  // villages appear too without outnumbering the larger ones.
  const communeDraws: string[] = Array.from({ length: generatedInCarcassonne }, () => CARCASSONNE);
  for (const [place, count] of Object.entries(GENERATED_PER_AREA)) {
    const area = communes
      .filter((c) => placeByCommune.get(c.inseeCode) === place && c.inseeCode !== CARCASSONNE)
      .map((c) => [c.inseeCode, Math.sqrt(c.population ?? 50)] as const);
    for (let i = 0; i < count; i++) communeDraws.push(rand.weighted(area));
  }

  const usedNames = new Set(HAND_WRITTEN.map((p) => nameKey(p.firstName, p.lastName)));
  const usedEmails = new Set(HAND_WRITTEN.map((p) => normalizeEmail(p.email)));
  const usedPhones = new Set(HAND_WRITTEN.flatMap((p) => [p.phone, p.helperPhone].filter((x): x is string => !!x)));

  const phoneFrom = (prefix: string): string => {
    for (;;) {
      const n = rand.int(8000, 9999).toString();
      const phone = `${prefix} ${n.slice(0, 2)} ${n.slice(2)}`;
      if (!usedPhones.has(phone)) {
        usedPhones.add(phone);
        return phone;
      }
    }
  };

  const generated: HandWritten[] = communeDraws.map((communeInsee) => {
    const age = rand.weighted([
      [rand.int(60, 69), 35],
      [rand.int(70, 79), 35],
      [rand.int(80, 92), 15],
      [rand.int(25, 59), 13],
      [rand.int(18, 24), 2],
    ] as const);
    const woman = rand.chance(0.6);
    const firstNames = age >= 60 ? (woman ? WOMEN_SENIOR : MEN_SENIOR) : woman ? WOMEN_YOUNGER : MEN_YOUNGER;
    let firstName: string;
    let lastName: string;
    do {
      firstName = rand.pick(firstNames);
      lastName = rand.pick(LAST_NAMES);
    } while (usedNames.has(nameKey(firstName, lastName)));
    usedNames.add(nameKey(firstName, lastName));

    // The older the resident, the likelier they are to be reachable by phone only.
    const phoneOnly = rand.chance(age >= 80 ? 0.5 : age >= 70 ? 0.25 : age >= 60 ? 0.12 : 0);
    const emailOnly = !phoneOnly && rand.chance(age >= 60 ? 0.15 : 0.05);
    let email: string | null = null;
    if (!phoneOnly) {
      const first = asciiLocalPart(firstName);
      const last = asciiLocalPart(lastName);
      const birthYearHint = String(rand.int(40, 99));
      const local = rand.pick([
        `${first}.${last}`,
        `${first[0]}${last}${birthYearHint}`,
        `${last}.${first}`,
        `${first}${last}`,
      ]);
      const domain = rand.pick(EMAIL_DOMAINS);
      email = `${local}@${domain}`;
      if (usedEmails.has(email)) email = `${local}${rand.int(2, 9)}@${domain}`;
      usedEmails.add(email);
    }
    const phone = emailOnly ? null : phoneFrom("04 65 71");

    const needsHelp = age >= 75 && rand.chance(0.12);
    return {
      ...base,
      firstName,
      lastName,
      email,
      phone,
      communeInsee,
      age,
      consentServiceEmails: email !== null && rand.chance(0.95),
      consentReminders: rand.chance(0.85),
      accessibilityNeeds: needsHelp
        ? rand.pick([
            "Malentendant(e) : parler distinctement, face à la personne.",
            "Vue basse : agrandir l'affichage de l'écran.",
            "Marche avec une canne : prévoir une chaise près de l'entrée.",
            "Fatigue vite : prévoir une pause au milieu de l'atelier.",
          ])
        : null,
      registeredByStaff: email === null || rand.chance(0.2),
      registeredDaysAgo: rand.chance(0.1) ? rand.int(10, 40) : rand.int(70, 720),
    };
  });

  return [...HAND_WRITTEN, ...generated].map((p, i) => {
    const homePlace = placeByCommune.get(p.communeInsee);
    if (!homePlace) throw new Error(`No place serves ${p.communeInsee}`);
    return {
      ...p,
      id: `seed-person-${i + 1}`,
      nameKey: nameKey(p.firstName, p.lastName),
      emailNormalized: normalizeEmail(p.email),
      phoneNormalized: checkedPhone(p.phone),
      homePlace,
    };
  });
}

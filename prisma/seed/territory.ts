import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** "CA Carcassonne Agglo" in Etalab's découpage administratif. */
export const AGGLO_SIREN = "200035715";
export const EXPECTED_MEMBER_COUNT = 83;

/**
 * Communes of 3,500 residents or more count as URBAN: Carcassonne and the two towns that form
 * one built-up area with it (Trèbes, Villemoustaussou). The next largest, Pennautier (~2,900),
 * is a village with a village centre. The package holds no density grid, so population is the
 * only measure at hand; the threshold is the one the brief suggests.
 */
export const URBAN_POPULATION_THRESHOLD = 3_500;

export type MemberCommune = {
  inseeCode: string;
  name: string;
  postcode: string;
  population: number | null;
  area: "RURAL" | "URBAN";
};

type EtalabCommune = {
  code: string;
  nom: string;
  type: string;
  codesPostaux?: string[];
  population?: number;
};
type EtalabEpci = { code: string; nom: string; membres: { code: string; nom: string }[] };

const require = createRequire(import.meta.url);

function readPackageJson<T>(file: string): T {
  return JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), "utf8")) as T;
}

let cached: MemberCommune[] | undefined;

/** The agglomeration's member communes, sorted by INSEE code; throws if the data changed. */
export function loadMemberCommunes(): MemberCommune[] {
  if (cached) return cached;
  const epci = readPackageJson<EtalabEpci[]>("epci.json").find((e) => e.code === AGGLO_SIREN);
  if (!epci) throw new Error(`EPCI ${AGGLO_SIREN} not found in @etalab/decoupage-administratif`);
  if (epci.membres.length !== EXPECTED_MEMBER_COUNT) {
    throw new Error(
      `${epci.nom} has ${epci.membres.length} member communes in @etalab/decoupage-administratif, ` +
        `expected ${EXPECTED_MEMBER_COUNT}: review prisma/seed/territory.ts before seeding`,
    );
  }
  const memberCodes = new Set(epci.membres.map((m) => m.code));
  const communes = readPackageJson<EtalabCommune[]>("communes.json").filter(
    (c) => c.type === "commune-actuelle" && memberCodes.has(c.code),
  );
  if (communes.length !== EXPECTED_MEMBER_COUNT) {
    throw new Error(`Only ${communes.length} of the ${EXPECTED_MEMBER_COUNT} member communes found in communes.json`);
  }
  cached = communes
    .map((c) => {
      const postcode = c.codesPostaux?.[0];
      if (!postcode) throw new Error(`Commune ${c.code} ${c.nom} has no postcode`);
      const population = c.population ?? null;
      return {
        inseeCode: c.code,
        name: c.nom,
        postcode,
        population,
        area: (population ?? 0) >= URBAN_POPULATION_THRESHOLD ? ("URBAN" as const) : ("RURAL" as const),
      };
    })
    .sort((a, b) => a.inseeCode.localeCompare(b.inseeCode));
  return cached;
}

/**
 * Which place serves which commune. The package has no coordinates, so this is a hand-made
 * grouping by valley and road: each commune goes to the place its residents reach most easily
 * (the hub takes Carcassonne, its urban neighbours and the first ring of villages on the bus
 * network). Checked at seed time: every member appears exactly once.
 */
// prettier-ignore
export const SERVICE_AREAS: Record<string, readonly string[]> = {
  // Carcassonne and the first ring: Trèbes, Villemoustaussou, Pennautier, the lower Orbiel
  // valley (Conques, Villegailhenc, Villalier), Berriac/Bouilhonnac, and the southern hills
  // (Palaja, Cazilhac, Cavanac, Leuc, Couffoulens).
  "hub-carcassonne": [
    "11069", "11397", "11429", "11279", "11272", "11099", "11425", "11088", "11085", "11037",
    "11410", "11201", "11102", "11043",
  ],
  // Cabardès and the western slopes of the Montagne Noire, along the Lampy and the D6113.
  "tiers-lieu-montolieu": [
    "11253", "11009", "11288", "11259", "11340", "11437", "11084", "11308", "11357", "11404",
    "11011",
  ],
  // Minervois and the eastern Montagne Noire (Clamoux and Argent-Double valleys).
  "tiers-lieu-caunes-minervois": [
    "11081", "11315", "11286", "11396", "11433", "11092", "11200", "11075", "11056", "11395",
    "11198", "11426", "11025", "11215", "11416", "11368", "11205",
  ],
  // The Aude valley downstream, towards Lézignan, and the Minervois villages south of it.
  "tiers-lieu-capendu": [
    "11068", "11122", "11042", "11095", "11220", "11301", "11190", "11022", "11280", "11001",
    "11342", "11027", "11146", "11330", "11023", "11422",
  ],
  // Corbières: the Val de Dagne and the "-en-Val" villages, Alaric foothills.
  "tiers-lieu-val-de-dagne": [
    "11251", "11378", "11387", "11314", "11179", "11016", "11083", "11133", "11227", "11440",
    "11414", "11257", "11248", "11151", "11423", "11223",
  ],
  // Razès and the Malepère, with the Aude valley upstream towards Limoux.
  "tiers-lieu-arzens": ["11018", "11005", "11199", "11327", "11299", "11325", "11293", "11242", "11408"],
};

/** Place slug for each INSEE code; throws unless every member is served exactly once. */
export function servingPlaceByCommune(communes: readonly MemberCommune[]): Map<string, string> {
  const members = new Set(communes.map((c) => c.inseeCode));
  const result = new Map<string, string>();
  for (const [slug, codes] of Object.entries(SERVICE_AREAS)) {
    for (const code of codes) {
      if (!members.has(code)) throw new Error(`${code} (served by ${slug}) is not a member commune`);
      if (result.has(code)) throw new Error(`${code} is served by both ${result.get(code)} and ${slug}`);
      result.set(code, slug);
    }
  }
  const unserved = communes.filter((c) => !result.has(c.inseeCode)).map((c) => `${c.inseeCode} ${c.name}`);
  if (unserved.length > 0) throw new Error(`Communes served by no place: ${unserved.join(", ")}`);
  return result;
}

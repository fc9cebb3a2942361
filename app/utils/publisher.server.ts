// Who publishes this Passerelle: the facts the legal notice, the personal-data page and the
// accessibility statement print (docs/decisions/021). One place, read from the environment once
// at start; without it, clearly marked demo values, so a demo never passes for a real body.
import { z } from "zod";

const text = z.string().trim().min(1).optional();

const schema = z.object({
  PUBLISHER_NAME: text,
  PUBLISHER_ADDRESS: text,
  PUBLISHER_PHONE: text,
  PUBLISHER_EMAIL: z.string().email("PUBLISHER_EMAIL must be an email address").optional(),
  PUBLISHER_SIREN: text,
  PUBLICATION_DIRECTOR: text,
  HOST_NAME: text,
  HOST_ADDRESS: text,
  DPO_EMAIL: z.string().email("DPO_EMAIL must be an email address").optional(),
  DPO_ADDRESS: text,
  ACCESSIBILITY_EMAIL: z.string().email("ACCESSIBILITY_EMAIL must be an email address").optional(),
  ACCESSIBILITY_STATEMENT_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "ACCESSIBILITY_STATEMENT_DATE must be a date such as 2026-12-03")
    .optional(),
});

export type Publisher = {
  /** True while any value is the demo one: the pages say so at the top. */
  demo: boolean;
  name: string;
  address: string;
  phone: string;
  email: string;
  siren: string;
  director: string;
  host: { name: string; address: string };
  dpo: { email: string; address: string };
  accessibilityEmail: string;
  /** When the accessibility statement was written (RGAA asks for the date). */
  statementDate: Date;
};

const DEMO = {
  name: "Communauté d'agglomération de démonstration",
  address: "1 place de la Démonstration, 11000 Carcassonne",
  phone: "04 68 00 00 00",
  email: "contact@passerelle.example",
  siren: "000 000 000",
  director: "Le président ou la présidente de l'intercommunalité de démonstration",
  hostName: "Hébergeur de démonstration",
  hostAddress: "1 rue des Serveurs, 75000 Paris",
  dpoEmail: "dpo@passerelle.example",
  dpoAddress: "Délégué à la protection des données, 1 place de la Démonstration, 11000 Carcassonne",
  accessibilityEmail: "accessibilite@passerelle.example",
  statementDate: "2026-12-03",
};

export function parsePublisher(source: Record<string, string | undefined>): Publisher {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Passerelle cannot start, the publisher's details are invalid:\n${lines.join("\n")}`);
  }
  const e = result.data;
  const given = Object.keys(schema.shape).filter((key) => e[key as keyof typeof e] !== undefined);
  return {
    demo: given.length < Object.keys(schema.shape).length,
    name: e.PUBLISHER_NAME ?? DEMO.name,
    address: e.PUBLISHER_ADDRESS ?? DEMO.address,
    phone: e.PUBLISHER_PHONE ?? DEMO.phone,
    email: e.PUBLISHER_EMAIL ?? DEMO.email,
    siren: e.PUBLISHER_SIREN ?? DEMO.siren,
    director: e.PUBLICATION_DIRECTOR ?? DEMO.director,
    host: { name: e.HOST_NAME ?? DEMO.hostName, address: e.HOST_ADDRESS ?? DEMO.hostAddress },
    dpo: { email: e.DPO_EMAIL ?? DEMO.dpoEmail, address: e.DPO_ADDRESS ?? DEMO.dpoAddress },
    accessibilityEmail: e.ACCESSIBILITY_EMAIL ?? DEMO.accessibilityEmail,
    statementDate: new Date(`${e.ACCESSIBILITY_STATEMENT_DATE ?? DEMO.statementDate}T12:00:00Z`),
  };
}

export const publisher: Publisher = parsePublisher(process.env);

/**
 * Staff accounts the seed creates, all with one shared demo password. The README's
 * "demo accounts" table is written from this list; never use these on a real deployment.
 */

export const DEMO_PASSWORD = "passerelle-demo";

export type DemoRole = "TRAINER" | "MEDIATOR" | "COORDINATOR" | "ADMIN";

export type DemoAccount = {
  id: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  roles: DemoRole[];
  /** slugs of the places this person works at (StaffPlace); empty = the whole territory */
  places: string[];
  /** what to try with this account, for the README */
  purpose: string;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    id: "seed-staff-formatrice",
    email: "formatrice@passerelle.demo",
    password: DEMO_PASSWORD,
    firstName: "Claire",
    lastName: "Fabre",
    roles: ["TRAINER"],
    places: ["hub-carcassonne", "tiers-lieu-montolieu", "tiers-lieu-arzens"],
    purpose: "Conseillère numérique : ses séances, l'émargement et l'évaluation des compétences.",
  },
  {
    id: "seed-staff-formateur",
    email: "formateur@passerelle.demo",
    password: DEMO_PASSWORD,
    firstName: "Julien",
    lastName: "Roques",
    roles: ["TRAINER"],
    places: ["hub-carcassonne", "tiers-lieu-caunes-minervois", "tiers-lieu-capendu", "tiers-lieu-montolieu"],
    purpose: "Conseiller numérique itinérant entre le hub, le Minervois et la vallée de l'Aude.",
  },
  {
    id: "seed-staff-formatrice-corbieres",
    email: "formatrice.corbieres@passerelle.demo",
    password: DEMO_PASSWORD,
    firstName: "Samia",
    lastName: "Haddad",
    roles: ["TRAINER"],
    places: ["hub-carcassonne", "tiers-lieu-val-de-dagne", "tiers-lieu-arzens", "tiers-lieu-capendu"],
    purpose: "Conseillère numérique des Corbières et du Razès.",
  },
  {
    id: "seed-staff-mediateur",
    email: "mediateur@passerelle.demo",
    password: DEMO_PASSWORD,
    firstName: "Thomas",
    lastName: "Garcia",
    roles: ["MEDIATOR"],
    places: ["hub-carcassonne", "tiers-lieu-caunes-minervois", "tiers-lieu-capendu"],
    purpose: "Médiateur : inscrit les habitants par téléphone, suit leur parcours, écrit des notes.",
  },
  {
    id: "seed-staff-mediatrice",
    email: "mediatrice@passerelle.demo",
    password: DEMO_PASSWORD,
    firstName: "Nadia",
    lastName: "Pons",
    roles: ["MEDIATOR"],
    places: ["tiers-lieu-montolieu", "tiers-lieu-val-de-dagne", "tiers-lieu-arzens"],
    purpose: "Médiatrice des tiers-lieux ruraux.",
  },
  {
    id: "seed-staff-coordination",
    email: "coordination@passerelle.demo",
    password: DEMO_PASSWORD,
    firstName: "Isabelle",
    lastName: "Maury",
    roles: ["COORDINATOR"],
    places: [],
    purpose: "Coordinatrice : planifie les séances, les cycles et les séries, consulte les statistiques.",
  },
  {
    id: "seed-staff-admin",
    email: "admin@passerelle.demo",
    password: DEMO_PASSWORD,
    firstName: "Marc",
    lastName: "Delpech",
    roles: ["ADMIN"],
    places: [],
    purpose: "Administrateur : comptes du personnel, lieux, référentiels.",
  },
];

/**
 * The hub in Carcassonne and the five tiers-lieux. Addresses, phone numbers and e-mails are
 * made up but plausible; opening hours are local "HH:mm" on weekdays 1 (Monday) … 7 (Sunday).
 * Each place's regular workshop slots fit inside its opening hours, workshops included.
 */

export type WeeklySlot = { weekday: number; startsAt: string; room: string | null };

export type PlaceSeed = {
  id: string;
  slug: string;
  name: string;
  /** How French says "at the place": « au Hub numérique de Carcassonne », « à La Page… ». */
  nameAfterA: string;
  kind: "DIGITAL_HUB" | "TIERS_LIEU";
  description: string;
  communeInsee: string;
  addressLine: string;
  phone: string;
  email: string;
  stepFreeAccess: boolean;
  parking: boolean;
  hearingLoop: boolean;
  accessNotes: string;
  publicTransport: string;
  openingHours: { weekday: number; opensAt: string; closesAt: string }[];
  /** two regular slots every week, and a third one with probability `extraSlotChance` */
  regularSlots: [WeeklySlot, WeeklySlot];
  extraSlot: WeeklySlot;
  extraSlotChance: number;
  /** seats offered in a session, inclusive range */
  capacity: [number, number];
};

const morning = (weekday: number) => [{ weekday, opensAt: "09:00", closesAt: "12:30" }];
const afternoon = (weekday: number) => [{ weekday, opensAt: "13:30", closesAt: "17:30" }];
const fullDay = (weekday: number) => [...morning(weekday), ...afternoon(weekday)];

export const PLACES: readonly PlaceSeed[] = [
  {
    id: "seed-place-hub",
    slug: "hub-carcassonne",
    name: "Hub numérique de Carcassonne",
    nameAfterA: "au Hub numérique de Carcassonne",
    kind: "DIGITAL_HUB",
    description:
      "Le lieu ressource de l'agglomération, au cœur de la Bastide : deux salles équipées d'ordinateurs et de tablettes, une équipe de conseillers numériques et une permanence d'aide aux démarches.",
    communeInsee: "11069",
    addressLine: "14 rue de Verdun",
    phone: "04 68 10 24 50",
    email: "hub@passerelle.example",
    stepFreeAccess: true,
    parking: false,
    hearingLoop: true,
    accessNotes:
      "Entrée de plain-pied par la rue, ascenseur pour la salle du premier étage, toilettes adaptées. Boucle magnétique à l'accueil et dans la salle 1.",
    publicTransport:
      "Arrêt de bus « Bastide » à 150 mètres. Gare SNCF à 10 minutes à pied. Parking payant du Dôme à 300 mètres.",
    openingHours: [
      ...afternoon(1),
      ...fullDay(2),
      ...fullDay(3),
      ...fullDay(4),
      ...fullDay(5),
      { weekday: 6, opensAt: "09:00", closesAt: "12:00" },
    ],
    regularSlots: [
      { weekday: 2, startsAt: "09:30", room: "Salle 1 (rez-de-chaussée)" },
      { weekday: 4, startsAt: "14:00", room: "Salle 2 (1er étage, ascenseur)" },
    ],
    extraSlot: { weekday: 5, startsAt: "09:30", room: "Salle 1 (rez-de-chaussée)" },
    extraSlotChance: 1,
    capacity: [8, 12],
  },
  {
    id: "seed-place-montolieu",
    slug: "tiers-lieu-montolieu",
    name: "La Page — tiers-lieu de Montolieu",
    nameAfterA: "à La Page — tiers-lieu de Montolieu",
    kind: "TIERS_LIEU",
    description:
      "Au village du livre, un ancien atelier de reliure transformé en lieu partagé : espace de travail, café associatif et ateliers numériques pour le Cabardès.",
    communeInsee: "11253",
    addressLine: "3 rue de la Mairie",
    phone: "04 68 24 81 37",
    email: "montolieu@passerelle.example",
    stepFreeAccess: true,
    parking: true,
    hearingLoop: false,
    accessNotes: "Plain-pied, porte large. Le parking de la mairie est à 50 mètres, avec deux places réservées.",
    publicTransport:
      "Transport à la demande de l'agglo : réservez la veille avant 17 h. Pas de ligne régulière le samedi.",
    openingHours: [...afternoon(1), ...fullDay(3), ...morning(5)],
    regularSlots: [
      { weekday: 1, startsAt: "14:00", room: "Grande salle" },
      { weekday: 3, startsAt: "09:30", room: "Grande salle" },
    ],
    extraSlot: { weekday: 5, startsAt: "09:30", room: "Grande salle" },
    extraSlotChance: 0.35,
    capacity: [6, 8],
  },
  {
    id: "seed-place-caunes",
    slug: "tiers-lieu-caunes-minervois",
    name: "La Marbrerie — tiers-lieu de Caunes-Minervois",
    nameAfterA: "à La Marbrerie — tiers-lieu de Caunes-Minervois",
    kind: "TIERS_LIEU",
    description:
      "Près de l'abbaye, un lieu ouvert aux habitants du Minervois et de la Montagne Noire : ateliers numériques, permanences et espace de travail partagé.",
    communeInsee: "11081",
    addressLine: "2 place de la Mairie",
    phone: "04 68 78 42 16",
    email: "caunes@passerelle.example",
    stepFreeAccess: false,
    parking: true,
    hearingLoop: false,
    accessNotes:
      "Trois marches à l'entrée principale ; une rampe amovible est installée sur demande (prévenez-nous la veille). Parking sur la place.",
    publicTransport:
      "Car régional depuis Carcassonne (arrêt « Caunes — Promenade », à 100 mètres) et transport à la demande de l'agglo.",
    openingHours: [...fullDay(2), ...fullDay(4), { weekday: 6, opensAt: "09:30", closesAt: "12:00" }],
    regularSlots: [
      { weekday: 2, startsAt: "14:00", room: "Salle de l'ancienne école" },
      { weekday: 4, startsAt: "09:30", room: "Salle de l'ancienne école" },
    ],
    extraSlot: { weekday: 4, startsAt: "14:00", room: "Salle de l'ancienne école" },
    extraSlotChance: 0.35,
    capacity: [6, 8],
  },
  {
    id: "seed-place-capendu",
    slug: "tiers-lieu-capendu",
    name: "La Gare — tiers-lieu de Capendu",
    nameAfterA: "à La Gare — tiers-lieu de Capendu",
    kind: "TIERS_LIEU",
    description:
      "Dans l'ancienne halle de la gare, un tiers-lieu pour les villages de la vallée de l'Aude : ateliers, aide aux démarches et espace de travail partagé.",
    communeInsee: "11068",
    addressLine: "5 avenue de la Gare",
    phone: "04 68 79 03 58",
    email: "capendu@passerelle.example",
    stepFreeAccess: true,
    parking: true,
    hearingLoop: true,
    accessNotes: "Plain-pied, toilettes adaptées, boucle magnétique portable. Grand parking gratuit devant la halle.",
    publicTransport:
      "Gare TER de Capendu à 100 mètres (ligne Carcassonne – Narbonne). Transport à la demande de l'agglo.",
    openingHours: [...morning(1), ...afternoon(3), ...fullDay(5)],
    regularSlots: [
      { weekday: 3, startsAt: "14:00", room: "La halle" },
      { weekday: 5, startsAt: "09:30", room: "La halle" },
    ],
    extraSlot: { weekday: 1, startsAt: "09:30", room: "La halle" },
    extraSlotChance: 0.35,
    capacity: [6, 10],
  },
  {
    id: "seed-place-val-de-dagne",
    slug: "tiers-lieu-val-de-dagne",
    name: "L'École des Vals — tiers-lieu de Val-de-Dagne",
    nameAfterA: "à L'École des Vals — tiers-lieu de Val-de-Dagne",
    kind: "TIERS_LIEU",
    description:
      "L'ancienne école de Montlaur accueille les habitants des villages des Corbières : ateliers numériques, prêt de tablettes et rencontres.",
    communeInsee: "11251",
    addressLine: "1 rue de l'École, Montlaur",
    phone: "04 68 24 60 92",
    email: "valdedagne@passerelle.example",
    stepFreeAccess: true,
    parking: true,
    hearingLoop: false,
    accessNotes: "Cour de plain-pied et salle au rez-de-chaussée. Stationnement facile dans la cour de l'école.",
    publicTransport:
      "Pas de ligne régulière : transport à la demande de l'agglo, à réserver la veille. Covoiturage possible, demandez-nous.",
    openingHours: [...afternoon(2), ...morning(4), { weekday: 5, opensAt: "13:30", closesAt: "17:00" }],
    regularSlots: [
      { weekday: 2, startsAt: "14:00", room: "Salle de classe" },
      { weekday: 4, startsAt: "09:30", room: "Salle de classe" },
    ],
    extraSlot: { weekday: 5, startsAt: "14:00", room: "Salle de classe" },
    extraSlotChance: 0.35,
    capacity: [6, 8],
  },
  {
    id: "seed-place-arzens",
    slug: "tiers-lieu-arzens",
    name: "Le Relais du Razès — tiers-lieu d'Arzens",
    nameAfterA: "au Relais du Razès — tiers-lieu d'Arzens",
    kind: "TIERS_LIEU",
    description:
      "À deux pas de la Malepère, un lieu convivial pour les villages du Razès et de la haute vallée : ateliers numériques, café et aide aux démarches.",
    communeInsee: "11018",
    addressLine: "8 place de la République",
    phone: "04 68 76 15 44",
    email: "arzens@passerelle.example",
    stepFreeAccess: true,
    parking: true,
    hearingLoop: false,
    accessNotes: "Accès de plain-pied par le côté de la salle des fêtes. Places de stationnement devant l'entrée.",
    publicTransport: "Transport à la demande de l'agglo, à réserver la veille. Arrêt du car scolaire sur la place.",
    openingHours: [...morning(1), ...afternoon(3), ...afternoon(4)],
    regularSlots: [
      { weekday: 1, startsAt: "09:30", room: "Salle des associations" },
      { weekday: 3, startsAt: "14:00", room: "Salle des associations" },
    ],
    extraSlot: { weekday: 4, startsAt: "14:00", room: "Salle des associations" },
    extraSlotChance: 0.35,
    capacity: [6, 8],
  },
];

export const HUB_PLACE_ID = "seed-place-hub";

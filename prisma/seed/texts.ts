/** Short French texts the activity generator draws from. */

export const BOOKING_CANCELLATION_REASONS = [
  "Rendez-vous médical ce jour-là.",
  "Je garde mes petits-enfants.",
  "Pas de voiture cette semaine.",
  null,
] as const;

export const LATE_NOTES = [
  "Arrivée avec 20 minutes de retard, le transport à la demande était en retard.",
  "Arrivé au bout d'un quart d'heure.",
  null,
] as const;

export const WALK_IN_NOTE = "Venu(e) sans réservation, une place était libre.";

export const ASSESSMENT_NOTES = [
  "A réussi seule, sans aide, à la fin de la séance.",
  "Encore besoin d'être guidé pas à pas.",
  "À revoir à la maison avec la fiche.",
  null,
  null,
  null,
] as const;

/**
 * Sessions cancelled by the staff: the first plain session at that place from that week on
 * (a past week gives a past session), and why.
 */
export const CANCELLED_SESSIONS = [
  {
    week: -5,
    place: "tiers-lieu-caunes-minervois",
    reason: "Formateur malade : séance annulée, les inscrits ont été prévenus par téléphone.",
  },
  {
    week: -3,
    place: "tiers-lieu-val-de-dagne",
    reason: "Coupure d'électricité dans le village, la séance n'a pas pu avoir lieu.",
  },
  { week: 2, place: "tiers-lieu-arzens", reason: "Salle prêtée à la commune ce jour-là pour le repas des aînés." },
] as const;

export const CLOSED_DAY_REASON = "Jour férié ou fermeture des fêtes : pas de séance ce jour-là.";

/**
 * Upcoming sessions that are full, with how many people wait for a seat: the first session at
 * that place from that week on (an occurrence of the series when `series` is set).
 */
export const FULL_SESSIONS = [
  { week: 1, place: "hub-carcassonne", series: false, waitlist: 4 },
  { week: 1, place: "tiers-lieu-montolieu", series: true, waitlist: 2 },
  { week: 2, place: "tiers-lieu-caunes-minervois", series: false, waitlist: 3 },
  { week: 3, place: "tiers-lieu-capendu", series: false, waitlist: 2 },
] as const;

/** Mediators' follow-up notes on hand-written residents (by name key), by the mediator of their place. */
export const MEDIATOR_NOTES = [
  {
    person: "raymonde sabatier",
    author: "seed-staff-mediatrice",
    daysAgo: 40,
    body: "Mme Sabatier a reçu une tablette de sa petite-fille. Elle veut surtout voir ses arrière-petits-enfants en vidéo. Très motivée, mais entend mal au téléphone : la rappeler plutôt le matin.",
    nextStep: "Lui proposer l'atelier appels vidéo à Val-de-Dagne, et prévenir la formatrice pour l'appareil auditif.",
  },
  {
    person: "carmen ruiz",
    author: "seed-staff-mediateur",
    daysAgo: 30,
    body: "Inscription par téléphone avec sa fille Isabel. Mme Ruiz comprend bien le français à l'oral mais préfère les documents en espagnol.",
    nextStep: "Vérifier avec la coordination si la fiche « smartphone » existe en espagnol.",
  },
  {
    person: "yvette marty",
    author: "seed-staff-mediateur",
    daysAgo: 21,
    body: "Malvoyante. Son fils a activé le zoom sur son téléphone, ça l'aide beaucoup. Elle a besoin de renouveler sa carte d'identité.",
    nextStep: "Prendre rendez-vous pour une démarche ANTS accompagnée au hub.",
  },
  {
    person: "michel roux",
    author: "seed-staff-mediateur",
    daysAgo: 14,
    body: "M. et Mme Roux utilisent la même adresse e-mail : penser à bien choisir le prénom lors des réservations.",
    nextStep: null,
  },
  {
    person: "gilbert vidal",
    author: "seed-staff-mediateur",
    daysAgo: 12,
    body: "A reçu un faux SMS « colis en attente » et a donné son numéro de carte. La banque a fait opposition. Il est inquiet.",
    nextStep: "L'inscrire en priorité à « Déjouer les arnaques » à Capendu.",
  },
  {
    person: "kevin granier",
    author: "seed-staff-mediateur",
    daysAgo: 9,
    body: "Cherche une formation de cariste. Pas d'ordinateur à la maison, uniquement un téléphone.",
    nextStep: "Atelier emploi au hub, puis rendez-vous avec la conseillère France Travail.",
  },
  {
    person: "margaret thompson",
    author: "seed-staff-mediateur",
    daysAgo: 25,
    body: "Vit seule, loin du bourg : vient grâce au transport à la demande. Très à l'aise maintenant avec les photos, elle en envoie chaque semaine à sa famille en Angleterre.",
    nextStep: "Lui parler du parcours smartphone au hub pour aller plus loin.",
  },
  {
    person: "peter walker",
    author: "seed-staff-mediatrice",
    daysAgo: 5,
    body: "Demande de l'aide pour sa déclaration de revenus en ligne : première année de déclaration en France, le vocabulaire l'inquiète.",
    nextStep: "Le rappeler en avril pour l'atelier démarches en ligne du mercredi.",
  },
] as const;

import type { TopicCode } from "./topics";

export type WorkshopSeed = {
  slug: string;
  title: string;
  summary: string;
  description: string;
  level: "BEGINNER" | "INTERMEDIATE" | "ADVANCED";
  durationMinutes: number;
  prerequisites: string | null;
  whatToBring: string | null;
  devicesLent: boolean;
  topics: TopicCode[];
  /** skill codes from skills.ts */
  skills: string[];
};

export const WORKSHOPS: readonly WorkshopSeed[] = [
  {
    slug: "apprivoiser-son-smartphone",
    title: "Apprivoiser son smartphone",
    summary: "Allumer, déverrouiller, appeler : on prend le temps de faire connaissance avec son téléphone.",
    description:
      "Vous avez un smartphone et il vous intimide un peu ? Nous repartons de zéro, à votre rythme : les boutons, l'écran tactile, le code de déverrouillage, passer et recevoir un appel, enregistrer un contact. Vous repartez avec une petite fiche pour vous en souvenir à la maison.",
    level: "BEGINNER",
    durationMinutes: 120,
    prerequisites: "Aucun, c'est justement fait pour commencer.",
    whatToBring: "Votre smartphone chargé et son code. Si vous n'en avez pas, nous vous en prêtons un.",
    devicesLent: true,
    topics: ["smartphone"],
    skills: ["PP.1", "5.1"],
  },
  {
    slug: "envoyer-un-e-mail",
    title: "Écrire et envoyer un e-mail",
    summary: "Écrire à ses proches ou à la mairie, et joindre une photo ou un document.",
    description:
      "Ensemble, nous ouvrons votre boîte mail, nous écrivons un premier message et nous apprenons à y joindre une photo ou un justificatif. Nous verrons aussi comment retrouver un message reçu et faire un peu de rangement. Si vous n'avez pas encore d'adresse e-mail, nous la créons avec vous.",
    level: "BEGINNER",
    durationMinutes: 120,
    prerequisites: "Savoir allumer un téléphone, une tablette ou un ordinateur.",
    whatToBring:
      "Votre smartphone ou votre tablette chargé, et votre adresse e-mail avec son mot de passe si vous en avez une.",
    devicesLent: true,
    topics: ["email"],
    skills: ["PP.2", "2.1"],
  },
  {
    slug: "appels-video-en-famille",
    title: "Voir ses proches en appel vidéo",
    summary: "Appeler ses petits-enfants en vidéo, même quand ils habitent loin.",
    description:
      "WhatsApp, FaceTime ou Visio : nous choisissons ensemble l'application qui vous convient, nous l'installons et nous faisons de vrais appels entre participants. Vous saurez répondre, couper votre micro et vous mettre bien face à la caméra.",
    level: "BEGINNER",
    durationMinutes: 90,
    prerequisites: "Savoir déverrouiller son smartphone ou sa tablette.",
    whatToBring: "Votre smartphone ou votre tablette chargé, et son code.",
    devicesLent: true,
    topics: ["video-calls", "smartphone"],
    skills: ["PP.3", "2.1"],
  },
  {
    slug: "comptes-en-ligne-et-franceconnect",
    title: "Créer ses comptes en ligne et utiliser FranceConnect",
    summary: "Un seul identifiant pour les impôts, ameli et la retraite : on vous montre comment.",
    description:
      "Beaucoup de démarches commencent par « créez votre compte ». Nous voyons comment créer un compte sans se perdre, où noter ses identifiants, et comment FranceConnect permet d'entrer sur les sites publics avec un compte que vous avez déjà.",
    level: "BEGINNER",
    durationMinutes: 120,
    prerequisites: "Avoir une adresse e-mail qui fonctionne (nous pouvons vous aider à la créer avant).",
    whatToBring:
      "Votre smartphone chargé, votre adresse e-mail et son mot de passe, votre numéro fiscal ou votre carte Vitale.",
    devicesLent: false,
    topics: ["online-procedures", "security"],
    skills: ["PP.4", "PP.5", "4.2"],
  },
  {
    slug: "demarches-en-ligne-pas-a-pas",
    title: "Faire ses démarches en ligne pas à pas",
    summary: "ameli, impots.gouv, carte grise sur le site de l'ANTS : on les fait ensemble.",
    description:
      "Chacun vient avec une démarche qu'il doit faire : télécharger une attestation ameli, déclarer ses revenus, demander un certificat d'immatriculation… La formatrice vous accompagne écran par écran, et vous repartez avec la démarche faite et la méthode pour la prochaine fois.",
    level: "INTERMEDIATE",
    durationMinutes: 150,
    prerequisites: "Savoir se servir d'un e-mail et avoir déjà créé un compte en ligne.",
    whatToBring:
      "Vos identifiants (ameli, impots.gouv, FranceConnect), votre carte Vitale et les papiers de votre démarche.",
    devicesLent: true,
    topics: ["online-procedures", "health-online"],
    skills: ["PP.6", "2.4", "1.2"],
  },
  {
    slug: "dejouer-les-arnaques",
    title: "Déjouer les arnaques par e-mail et SMS",
    summary: "Colis en attente, amende à payer, compte bloqué : apprendre à reconnaître les faux messages.",
    description:
      "Les escrocs imitent très bien La Poste, l'Assurance maladie ou votre banque. À partir de vrais exemples, nous apprenons les signes qui doivent alerter, ce qu'il ne faut jamais donner et à qui signaler un message douteux. Un atelier rassurant, sans jargon.",
    level: "BEGINNER",
    durationMinutes: 90,
    prerequisites: null,
    whatToBring: "Votre smartphone chargé, avec les messages douteux que vous avez reçus si vous en avez.",
    devicesLent: false,
    topics: ["security", "email"],
    skills: ["PP.7", "4.1", "4.2"],
  },
  {
    slug: "photos-prendre-ranger-partager",
    title: "Prendre, ranger et partager ses photos",
    summary: "De belles photos avec son téléphone, bien rangées, envoyées à ceux qu'on aime.",
    description:
      "Nous sortons faire quelques photos autour du lieu, puis nous apprenons à les retrouver, à les recadrer et à les envoyer par message ou par e-mail. Nous verrons aussi comment en garder une copie pour ne pas les perdre si le téléphone casse.",
    level: "BEGINNER",
    durationMinutes: 120,
    prerequisites: "Savoir déverrouiller son smartphone.",
    whatToBring: "Votre smartphone chargé et son code.",
    devicesLent: true,
    topics: ["photos", "smartphone"],
    skills: ["PP.8", "3.2", "2.2"],
  },
  {
    slug: "installer-des-applications",
    title: "Installer et ranger ses applications",
    summary: "Trouver la bonne application, l'installer sans risque et faire le tri sur son écran.",
    description:
      "Play Store ou App Store : nous apprenons à chercher une application, à vérifier qu'elle est sérieuse avant de l'installer, puis à ranger l'écran d'accueil pour trouver facilement ce qui sert vraiment. Et on supprime ce qui encombre.",
    level: "BEGINNER",
    durationMinutes: 90,
    prerequisites: "Savoir déverrouiller son smartphone.",
    whatToBring:
      "Votre smartphone chargé, son code et le mot de passe de votre compte Google ou Apple si vous le connaissez.",
    devicesLent: false,
    topics: ["smartphone", "security"],
    skills: ["PP.9", "5.2"],
  },
  {
    slug: "mots-de-passe-solides",
    title: "Des mots de passe solides et faciles à retenir",
    summary: "En finir avec le même mot de passe partout, sans se compliquer la vie.",
    description:
      "Un bon mot de passe peut être facile à retenir. Nous apprenons à en fabriquer, à les garder en lieu sûr (carnet rangé ou gestionnaire de mots de passe) et à activer la double vérification sur les comptes importants.",
    level: "INTERMEDIATE",
    durationMinutes: 90,
    prerequisites: "Avoir au moins un compte en ligne (e-mail, ameli, banque…).",
    whatToBring: "Votre smartphone chargé et, si vous le souhaitez, le carnet où vous notez vos mots de passe.",
    devicesLent: false,
    topics: ["security"],
    skills: ["PP.10", "4.1"],
  },
  {
    slug: "ecrire-une-lettre-a-l-ordinateur",
    title: "Écrire une lettre à l'ordinateur",
    summary: "Taper, mettre en page et imprimer une lettre ou une affiche pour son association.",
    description:
      "Sur les ordinateurs du lieu, nous écrivons une vraie lettre : le clavier, les majuscules et les accents, la mise en page, puis l'enregistrement en PDF et l'impression. Idéal pour les courriers administratifs ou les affiches du club.",
    level: "BEGINNER",
    durationMinutes: 150,
    prerequisites: null,
    whatToBring: "Une clé USB si vous en avez une, et le brouillon de la lettre que vous voulez écrire.",
    devicesLent: true,
    topics: ["office"],
    skills: ["3.1", "3.3"],
  },
  {
    slug: "sante-en-ligne",
    title: "Mon espace santé et les rendez-vous en ligne",
    summary: "Prendre rendez-vous chez le médecin et retrouver ses documents de santé sur Internet.",
    description:
      "Nous découvrons ensemble Mon espace santé, le compte ameli et la prise de rendez-vous en ligne chez un médecin ou un kinésithérapeute. Nous parlons aussi de ce qu'il est prudent de partager, et de la façon de trouver une information de santé fiable.",
    level: "INTERMEDIATE",
    durationMinutes: 120,
    prerequisites: "Savoir se servir d'un e-mail et de son smartphone.",
    whatToBring: "Votre smartphone chargé, votre carte Vitale et vos identifiants ameli si vous les avez.",
    devicesLent: false,
    topics: ["health-online", "online-procedures"],
    skills: ["1.1", "4.2", "2.4"],
  },
  {
    slug: "reseaux-sociaux-en-famille",
    title: "Suivre sa famille sur les réseaux sociaux",
    summary: "Voir les photos des petits-enfants sur Facebook ou Instagram, en gardant sa vie privée.",
    description:
      "Nous créons ou reprenons votre compte, nous réglons ensemble qui peut voir ce que vous publiez, et nous apprenons à commenter, à partager et à repérer les fausses informations et les faux profils.",
    level: "INTERMEDIATE",
    durationMinutes: 120,
    prerequisites: "Savoir se servir de son smartphone et avoir une adresse e-mail.",
    whatToBring: "Votre smartphone chargé, votre adresse e-mail et son mot de passe.",
    devicesLent: false,
    topics: ["social-networks", "security"],
    skills: ["2.2", "4.2", "1.1"],
  },
  {
    slug: "chercher-un-emploi-en-ligne",
    title: "Chercher un emploi ou une formation en ligne",
    summary: "Son espace France Travail, un CV propre et des candidatures envoyées par e-mail.",
    description:
      "Pour celles et ceux qui cherchent un travail ou une formation : nous mettons à jour votre espace France Travail, nous mettons votre CV en forme et nous envoyons une vraie candidature. Chacun avance sur son propre projet, avec de l'aide quand il en a besoin.",
    level: "INTERMEDIATE",
    durationMinutes: 150,
    prerequisites: "Avoir une adresse e-mail qui fonctionne.",
    whatToBring: "Votre CV (papier ou sur clé USB) et vos identifiants France Travail.",
    devicesLent: true,
    topics: ["job-search", "office"],
    skills: ["1.1", "3.1", "2.4"],
  },
];

/** The four workshops of the "Parcours smartphone en 4 séances" cycle, in order. */
export const SMARTPHONE_COURSE_WORKSHOPS = [
  "apprivoiser-son-smartphone",
  "photos-prendre-ranger-partager",
  "installer-des-applications",
  "dejouer-les-arnaques",
] as const;

/**
 * The skills framework: the 16 competences of the CRCN (Cadre de référence des compétences
 * numériques, the French version of DigComp) with their official labels, and a "Premiers pas"
 * domain of beginner skills the CRCN takes for granted. Each skill has a learner-facing
 * "Je sais…" statement in plain French.
 */

export type DomainSeed = {
  code: string;
  framework: "CRCN" | "FIRST_STEPS";
  label: string;
  position: number;
  skills: { code: string; label: string; statement: string }[];
};

export const SKILL_DOMAINS: readonly DomainSeed[] = [
  {
    code: "1",
    framework: "CRCN",
    label: "Information et données",
    position: 1,
    skills: [
      {
        code: "1.1",
        label: "Mener une recherche et une veille d'information",
        statement: "Je sais chercher une information sur Internet et vérifier qu'elle vient d'une source sérieuse.",
      },
      {
        code: "1.2",
        label: "Gérer des données",
        statement: "Je sais ranger mes documents et mes photos pour les retrouver facilement, et en garder une copie.",
      },
      {
        code: "1.3",
        label: "Traiter des données",
        statement: "Je sais faire un petit tableau pour suivre mes dépenses ou une liste, et le trier.",
      },
    ],
  },
  {
    code: "2",
    framework: "CRCN",
    label: "Communication et collaboration",
    position: 2,
    skills: [
      {
        code: "2.1",
        label: "Interagir",
        statement: "Je sais échanger avec mes proches ou une administration par e-mail, par message ou en appel vidéo.",
      },
      {
        code: "2.2",
        label: "Partager et publier",
        statement: "Je sais partager une photo ou un document avec les bonnes personnes, et seulement avec elles.",
      },
      {
        code: "2.3",
        label: "Collaborer",
        statement: "Je sais utiliser un agenda ou un document partagé avec ma famille ou mon association.",
      },
      {
        code: "2.4",
        label: "S'insérer dans le monde numérique",
        statement:
          "Je sais utiliser les services en ligne du quotidien en connaissant mes droits et les règles de politesse.",
      },
    ],
  },
  {
    code: "3",
    framework: "CRCN",
    label: "Création de contenus",
    position: 3,
    skills: [
      {
        code: "3.1",
        label: "Développer des documents textuels",
        statement: "Je sais écrire une lettre à l'ordinateur, la mettre en page et l'imprimer.",
      },
      {
        code: "3.2",
        label: "Développer des documents multimédia",
        statement: "Je sais prendre une photo ou une courte vidéo et la retoucher simplement.",
      },
      {
        code: "3.3",
        label: "Adapter les documents à leur finalité",
        statement: "Je sais enregistrer un document au bon format, par exemple en PDF, pour l'envoyer ou l'imprimer.",
      },
      {
        code: "3.4",
        label: "Programmer",
        statement:
          "Je sais donner à un appareil une suite d'instructions simples, par exemple une routine ou un réveil programmé.",
      },
    ],
  },
  {
    code: "4",
    framework: "CRCN",
    label: "Protection et sécurité",
    position: 4,
    skills: [
      {
        code: "4.1",
        label: "Sécuriser l'environnement numérique",
        statement: "Je sais protéger mes appareils : code de verrouillage, mises à jour et mots de passe solides.",
      },
      {
        code: "4.2",
        label: "Protéger les données personnelles et la vie privée",
        statement: "Je sais ce que je peux partager en ligne et je repère quand on essaie d'obtenir mes informations.",
      },
      {
        code: "4.3",
        label: "Protéger la santé, le bien-être et l'environnement",
        statement: "Je sais faire des pauses devant les écrans et garder mes appareils plus longtemps.",
      },
    ],
  },
  {
    code: "5",
    framework: "CRCN",
    label: "Environnement numérique",
    position: 5,
    skills: [
      {
        code: "5.1",
        label: "Résoudre des problèmes techniques",
        statement:
          "Je sais régler les petits soucis courants : plus de son, plus de connexion, un appareil qui ne répond plus.",
      },
      {
        code: "5.2",
        label: "Construire un environnement numérique",
        statement: "Je sais choisir et régler mes appareils et mes applications pour qu'ils me conviennent.",
      },
    ],
  },
  {
    code: "PP",
    framework: "FIRST_STEPS",
    label: "Premiers pas",
    position: 6,
    skills: [
      {
        code: "PP.1",
        label: "Utiliser un smartphone",
        statement: "Je sais allumer mon smartphone, le déverrouiller et passer un appel.",
      },
      {
        code: "PP.2",
        label: "Envoyer un e-mail avec une pièce jointe",
        statement: "Je sais écrire un e-mail et y joindre une photo ou un document.",
      },
      {
        code: "PP.3",
        label: "Passer un appel vidéo",
        statement: "Je sais appeler un proche en vidéo et le voir à l'écran.",
      },
      {
        code: "PP.4",
        label: "Créer un compte en ligne",
        statement: "Je sais créer un compte sur un site et noter où retrouver mon identifiant.",
      },
      {
        code: "PP.5",
        label: "Utiliser FranceConnect",
        statement: "Je sais me connecter à un service public avec FranceConnect.",
      },
      {
        code: "PP.6",
        label: "Faire une démarche en ligne",
        statement: "Je sais faire une démarche en ligne, par exemple sur ameli, impots.gouv ou le site de l'ANTS.",
      },
      {
        code: "PP.7",
        label: "Reconnaître une arnaque",
        statement: "Je sais reconnaître un message d'hameçonnage et je ne clique pas sur son lien.",
      },
      {
        code: "PP.8",
        label: "Prendre et envoyer une photo",
        statement: "Je sais prendre une photo avec mon téléphone et l'envoyer à un proche.",
      },
      {
        code: "PP.9",
        label: "Installer une application",
        statement: "Je sais installer une application depuis le magasin d'applications de mon téléphone.",
      },
      {
        code: "PP.10",
        label: "Gérer ses mots de passe",
        statement: "Je sais choisir un mot de passe solide et le garder en lieu sûr.",
      },
    ],
  },
];

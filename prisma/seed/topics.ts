/** Topic codes, in display order; their labels live in locales/{lng}/topics.json. */
export const TOPIC_CODES = [
  "smartphone",
  "email",
  "video-calls",
  "online-procedures",
  "security",
  "office",
  "photos",
  "social-networks",
  "health-online",
  "job-search",
] as const;

export type TopicCode = (typeof TOPIC_CODES)[number];

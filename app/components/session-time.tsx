import { useTranslation } from "react-i18next";
import { formatSessionTime } from "~/domain/time/format-session-time";
import { fallbackLanguage, isLanguage } from "~/utils/i18n";

type Props = {
  /** A Date, or its ISO text when it came through JSON. */
  startsAt: Date | string;
  endsAt: Date | string;
};

/** "mardi 3 mars, de 14 h à 16 h", in Paris time and the page's language, server and browser alike. */
export function SessionTime({ startsAt, endsAt }: Props) {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : fallbackLanguage;
  const start = new Date(startsAt);
  return <time dateTime={start.toISOString()}>{formatSessionTime(start, new Date(endsAt), language)}</time>;
}

import { useTranslation } from "react-i18next";
import { frenchContent } from "./ui/french-content";

export type PlaceAccessData = {
  stepFreeAccess: boolean;
  parking: boolean;
  hearingLoop: boolean;
  accessNotes: string | null;
  publicTransport: string | null;
};

type Props = {
  place: PlaceAccessData;
  /** Each page words its headings its own way ("Accès", "Venir en transport"). */
  accessLabel: string;
  transportLabel: string;
};

/**
 * How to get in and how to get there, as terms of a facts list (<dl>): step-free access, parking
 * and hearing loop in words, then the team's own notes (in French), then public transport.
 */
export function PlaceAccessFacts({ place, accessLabel, transportLabel }: Props) {
  const { t } = useTranslation("home");
  const access = [
    place.stepFreeAccess && t("access.stepFree"),
    place.parking && t("access.parking"),
    place.hearingLoop && t("access.hearingLoop"),
  ].filter((item): item is string => typeof item === "string");
  return (
    <>
      {access.length > 0 || place.accessNotes ? (
        <>
          <dt>{accessLabel}</dt>
          <dd>
            {access.length > 0 ? <span className="block">{access.join(t("common:listSeparator"))}</span> : null}
            {place.accessNotes ? (
              <span className="block" {...frenchContent}>
                {place.accessNotes}
              </span>
            ) : null}
          </dd>
        </>
      ) : null}
      {place.publicTransport ? (
        <>
          <dt>{transportLabel}</dt>
          <dd {...frenchContent}>{place.publicTransport}</dd>
        </>
      ) : null}
    </>
  );
}

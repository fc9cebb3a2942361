import { useTranslation } from "react-i18next";

/** Up to this many seats left, the card says "Plus que 2 places" to encourage booking soon. */
export const FEW_SEATS = 3;

export type SeatsState = "open" | "closed" | "cancelled";

type Props = {
  seatsLeft: number;
  /** "closed" once booking is over (started or completed), "cancelled" for a cancelled session. */
  state?: SeatsState;
};

/** "8 places libres", "Plus que 2 places", "Complet — liste d'attente", in words and not only colour. */
export function SessionSeats({ seatsLeft, state = "open" }: Props) {
  const { t } = useTranslation("catalogue");
  if (state === "cancelled") return <span className="badge badge--full">{t("seats.cancelled")}</span>;
  if (state === "closed") return <span className="badge badge--muted">{t("seats.closed")}</span>;
  if (seatsLeft <= 0) return <span className="badge badge--full seats seats--full">{t("seats.full")}</span>;
  if (seatsLeft <= FEW_SEATS) {
    return <span className="badge seats seats--few">{t("seats.few", { count: seatsLeft })}</span>;
  }
  return <span className="badge seats">{t("seats.free", { count: seatsLeft })}</span>;
}

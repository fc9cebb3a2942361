import { useTranslation } from "react-i18next";
import type { BookAnswer } from "~/domain/policy/booking-policy";

/** Up to this many seats left, the card says "Plus que 2 places" to encourage booking soon. */
export const FEW_SEATS = 3;

export type SeatsState = "open" | "closed" | "cancelled" | "waitlist-full";

/** The badge that goes with the policy's answer: the seats while one may book, else why not. */
export function seatsStateOf(answer: BookAnswer): SeatsState {
  if (answer.may) return "open";
  switch (answer.reason) {
    case "SESSION_CANCELLED":
      return "cancelled";
    case "BOOKING_CLOSED":
      return "closed";
    case "WAITLIST_FULL":
    case "SESSION_FULL":
      return "waitlist-full";
    default:
      // The other reasons are about the person (already booked, busy then), not the seats.
      return "open";
  }
}

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
  if (state === "waitlist-full") {
    return (
      <span className="badge badge--full seats seats--full seats--waitlist-full">{t("policy.seatsWaitlistFull")}</span>
    );
  }
  if (seatsLeft <= 0) return <span className="badge badge--full seats seats--full">{t("seats.full")}</span>;
  if (seatsLeft <= FEW_SEATS) {
    return <span className="badge seats seats--few">{t("seats.few", { count: seatsLeft })}</span>;
  }
  return <span className="badge seats">{t("seats.free", { count: seatsLeft })}</span>;
}

import type { ReactNode } from "react";

/** "04 68 10 24 50" → "tel:0468102450": what a phone dials, without the spaces people read. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

type Props = { phone: string; className?: string; children?: ReactNode };

/**
 * A phone number to tap. Always left to right: in an Arabic sentence the groups of digits would
 * otherwise come out in reverse order. Given children (from <Trans>), it shows them.
 */
export function PhoneLink({ phone, className, children }: Props) {
  return (
    <a href={telHref(phone)} dir="ltr" className={className}>
      {children ?? phone}
    </a>
  );
}

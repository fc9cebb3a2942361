import type { EmailContext, Localised } from "../types";

/**
 * A text in another language than the email's (a French title or address in an Arabic email):
 * marked with its language, and isolated so right-to-left text does not reorder it.
 */
export function LocalisedText({ ctx, value }: { ctx: EmailContext; value: Localised }) {
  if (value.lang === ctx.lang) return <>{value.text}</>;
  return (
    <bdi lang={value.lang} dir="auto">
      {value.text}
    </bdi>
  );
}

/** A phone number reads left to right in every language. */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a href={`tel:${phone.replace(/[^\d+]/g, "")}`} style={{ color: "#1d4f91" }}>
      <bdi dir="ltr">{phone}</bdi>
    </a>
  );
}

import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";

import { splitMessage } from "~/utils/form-messages";

import { ErrorSummary } from "../ui/error-summary";

/** Messages of a field, translated from the "staff" namespace (or another one named in the key). */
export function useFieldMessages(meta: FieldMetadata<unknown>): string | null {
  const { t } = useTranslation("staff");
  const messages = (meta.errors ?? []).map((message) => t(message));
  return messages.length > 0 ? messages.join(" ") : null;
}

type Props = {
  /** The Conform form: its id, the id its summary takes, and the server's form-level messages. */
  form: { id: string; errorId: string; errors?: string[] };
  title: string;
  /** The fields in page order, with their messages already translated. */
  fields: ReadonlyArray<{ meta: FieldMetadata<unknown>; message: string | null }>;
};

/**
 * The error summary of a staff sign-in form: the server's refusal first (a message key of the
 * "staff" namespace, maybe with values: "staff:rateLimit.signIn?when=…"), then a link to each
 * field in trouble. Placed by the page as the first thing in `main` (decisions/020).
 */
export function AuthFormSummary({ form, title, fields }: Props) {
  const { t } = useTranslation("staff");
  return (
    <ErrorSummary
      id={form.errorId}
      className="page narrow"
      title={title}
      titleId={`${form.id}-errors-title`}
      formMessages={(form.errors ?? []).map((message) => {
        const { key, values } = splitMessage(message);
        return { key: message, content: t(key, values) };
      })}
      fieldLinks={fields.flatMap(({ meta, message }) =>
        message === null ? [] : [{ key: meta.name, href: `#${meta.id}`, message }],
      )}
    />
  );
}

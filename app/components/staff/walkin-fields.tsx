import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import { splitMessage } from "~/utils/form-messages";

/** A message key from the form ("forms:required", "forms:tooLong?max=100") in words. */
export function fieldMessage(t: TFunction, message: string): string {
  const { key, values } = splitMessage(message);
  return t(key.includes(":") ? key : `forms:${key}`, values);
}

type Option = { value: string; label: string };

type FieldProps = {
  id: string;
  name: string;
  label: string;
  optional?: boolean;
  hint?: string;
  error: string | null;
  defaultValue: string;
};

function Shell({
  id,
  label,
  optional,
  hint,
  error,
  children,
}: Omit<FieldProps, "name" | "defaultValue"> & { children: (describedBy: string | undefined) => React.ReactNode }) {
  const { t } = useTranslation("walkIn");
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field__marker">{` ${t("create.optional")}`}</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">{t("forms:errorPrefix")}</span>
          {error}
        </p>
      ) : null}
      {children(describedBy)}
    </div>
  );
}

export function WalkInTextField({
  type = "text",
  autoComplete,
  inputMode,
  ...props
}: FieldProps & {
  type?: "text" | "tel" | "email" | "search";
  autoComplete?: string;
  inputMode?: "text" | "tel" | "email" | "numeric";
}) {
  return (
    <Shell {...props}>
      {(describedBy) => (
        <input
          id={props.id}
          name={props.name}
          type={type}
          className="input"
          defaultValue={props.defaultValue}
          autoComplete={autoComplete ?? "off"}
          inputMode={inputMode}
          spellCheck={false}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Shell>
  );
}

export function WalkInSelectField({ options, ...props }: FieldProps & { options: Option[] }) {
  return (
    <Shell {...props}>
      {(describedBy) => (
        <select
          id={props.id}
          name={props.name}
          className="input"
          defaultValue={props.defaultValue}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Shell>
  );
}

/** `defaultValue`: what was typed, kept when the form comes back refused for another field. */
export function WalkInReasonField({
  id,
  error,
  intro,
  defaultValue = "",
}: {
  id: string;
  error: string | null;
  intro: string;
  defaultValue?: string;
}) {
  const { t } = useTranslation("walkIn");
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? "field field--error walkin-reason" : "field walkin-reason"}>
      <p id={`${id}-intro`} className="walkin-reason__intro">
        {intro}
      </p>
      <label htmlFor={id}>{t("reason.label")}</label>
      {error ? (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">{t("forms:errorPrefix")}</span>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name="reason"
        className="input"
        rows={3}
        required
        maxLength={300}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-intro`, errorId].filter(Boolean).join(" ")}
      />
    </div>
  );
}

export function HiddenFields({ values }: { values: Record<string, string | readonly string[]> }) {
  return (
    <>
      {Object.entries(values).flatMap(([name, value]) =>
        (typeof value === "string" ? [value] : value).map((v, i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={v} />
        )),
      )}
    </>
  );
}

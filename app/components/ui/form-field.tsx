import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

// A Conform field drawn the same way on every form: the label, an optional hint, the message
// (announced as an error, already translated by the form) and then the control, all tied
// together by aria-describedby. The styles are in styles/forms.css.

type FieldShellProps = {
  meta: FieldMetadata<unknown>;
  label: string;
  /** "(facultatif)" or "(conseillé)" after the label. */
  marker?: string;
  hint?: string;
  error: string | null;
  children: (describedBy: string | undefined) => ReactNode;
};

function FieldShell({ meta, label, marker, hint, error, children }: FieldShellProps) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={meta.id}>
        {label}
        {marker ? <span className="field__marker">{` ${marker}`}</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={meta.errorId} error={error} />
      {children(hintId)}
    </div>
  );
}

function FieldError({ id, error }: { id: string; error: string | null }) {
  const { t } = useTranslation("forms");
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t("errorPrefix")}</span>
      {error}
    </p>
  );
}

type TextFieldProps = Omit<FieldShellProps, "children"> & {
  /** A password is never sent back by the server (`reply({ hideFields })`), so never echoed. */
  type: "text" | "email" | "tel" | "password";
  autoComplete: string;
  inputMode?: "text" | "email" | "tel";
  autoCapitalize?: "none" | "sentences" | "words";
};

export function TextField({ type, autoComplete, inputMode, autoCapitalize, ...shell }: TextFieldProps) {
  return (
    <FieldShell {...shell}>
      {(describedBy) => {
        const { key, ...props } = getInputProps(shell.meta, { type, ariaDescribedBy: describedBy });
        return (
          <input
            key={key}
            {...props}
            autoComplete={autoComplete}
            inputMode={inputMode}
            autoCapitalize={autoCapitalize}
            spellCheck={false}
            className="input"
          />
        );
      }}
    </FieldShell>
  );
}

type SelectFieldProps = Omit<FieldShellProps, "children"> & { children: ReactNode; autoComplete?: string };

export function SelectField({ children, autoComplete, ...shell }: SelectFieldProps) {
  return (
    <FieldShell {...shell}>
      {(describedBy) => {
        const { key, ...props } = getSelectProps(shell.meta, { ariaDescribedBy: describedBy });
        return (
          <select key={key} {...props} autoComplete={autoComplete} className="input">
            {children}
          </select>
        );
      }}
    </FieldShell>
  );
}

export function CheckboxField({
  meta,
  label,
  error,
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  error: string | null;
}) {
  const { key, ...props } = getInputProps(meta, { type: "checkbox" });
  return (
    <div className={error ? "field field--checkbox field--error" : "field field--checkbox"}>
      <FieldError id={meta.errorId} error={error} />
      <input key={key} {...props} className="checkbox" />
      <label htmlFor={meta.id}>{label}</label>
    </div>
  );
}

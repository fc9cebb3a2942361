import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { AUTONOMY_LEVELS, type AutonomyLevel } from "~/domain/skills/levels";
import { splitMessage } from "~/utils/form-messages";

/** What the skill progress action answers a form sent from this page (JSON with JavaScript on). */
export type SkillLevelAnswer =
  | { ok: true; personId: string; skillId: string }
  | { ok: false; personId: string; skillId: string; note: string; field: "note" | "form"; message: string };

export const NOTE_MAX = 500;

/** Ids the page and the error summary link to. */
export const skillFormIds = (personId: string, skillId: string) => {
  const base = `${personId}-${skillId}`;
  return { form: `niveau-${base}`, note: `commentaire-${base}`, error: `erreur-${base}` };
};

type Props = {
  action: string;
  personId: string;
  personName: string;
  /** The tap id this render gives the form, for a post without JavaScript (the loader makes it). */
  renderTapId: string;
  skill: { id: string; label: string; statement: string };
  current: { level: AutonomyLevel; summary: string; note: string | null } | null;
  /** The refusal a JavaScript-off post came back with, when it was for this form. */
  refused: Extract<SkillLevelAnswer, { ok: false }> | null;
};

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** A fresh tap id, url-safe: 16 random bytes (`randomUUID` needs a secure context, this does not). */
function newTapId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/**
 * One skill of one person: its current level and four buttons, each a submit of the level it
 * names, with an optional comment above them. Without JavaScript each button posts the form and
 * the page comes back at the person; with it, a fetcher posts and the pressed button moves at once.
 * Each tap carries an id (the render's without JavaScript, a fresh one per tap with it) and, with
 * JavaScript, the milliseconds since the tap when it is sent: the server dates the tap by them, so
 * a tap that reaches it late does not pass a newer one.
 */
export function SkillLevelForm({ action, personId, personName, renderTapId, skill, current, refused }: Props) {
  const { t } = useTranslation("skills");
  const fetcher = useFetcher<SkillLevelAnswer>();
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const ids = skillFormIds(personId, skill.id);
  const headingId = `${ids.form}-titre`;
  const levelsId = `${ids.form}-niveaux`;
  const hintId = `${ids.note}-aide`;

  const sending = fetcher.formData?.get("level");
  const pressed = typeof sending === "string" ? sending : (current?.level ?? null);
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const failure = answer && !answer.ok ? answer : fetcher.data === undefined ? refused : null;
  const saved = answer?.ok === true;

  useEffect(() => {
    // The comment went with the level: the next tap starts without it.
    if (saved) formRef.current?.reset();
  }, [saved, answer]);

  const submitTap = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (!(submitter instanceof HTMLButtonElement) || submitter.name !== "level") return;
    event.preventDefault();
    const tap = { id: newTapId(), tappedAt: Date.now() };
    const formData = new FormData(event.currentTarget);
    formData.set("level", submitter.value);
    formData.set("tapId", tap.id);
    formData.set("js", "1");
    // Measured when sent, from the tap: a resend of this form data would carry the same id.
    formData.set("elapsedMs", String(Math.max(0, Date.now() - tap.tappedAt)));
    fetcher.submit(formData, { method: "post", action, preventScrollReset: true });
  };

  const message = failure ? t(splitMessage(failure.message).key, splitMessage(failure.message).values) : null;
  const noteError = failure?.field === "note" ? message : null;
  const formError = failure?.field === "form" ? message : null;

  return (
    <fetcher.Form
      ref={formRef}
      method="post"
      action={action}
      id={ids.form}
      className="skill-card"
      aria-labelledby={headingId}
      preventScrollReset
      onSubmit={submitTap}
    >
      <h3 id={headingId} className="skill-card__label">
        {skill.label}
      </h3>
      <p className="skill-card__statement">{skill.statement}</p>
      <p className="skill-card__current">
        <span className="skill-card__current-label">{t("current.label")}</span>{" "}
        {current ? current.summary : t("current.none")}
      </p>
      {current?.note ? <p className="skill-card__note">{t("current.note", { note: current.note })}</p> : null}
      {formError ? (
        <p id={ids.error} className="field-error" role="alert">
          {formError}
        </p>
      ) : null}
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="skillId" value={skill.id} />
      <input type="hidden" name="tapId" value={renderTapId} />
      {/* Only a hydrated page asks for a JSON answer; a plain post gets a redirect back. */}
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      <div className={noteError ? "field field--error skill-card__comment" : "field skill-card__comment"}>
        <label htmlFor={ids.note}>
          {t("form.note")} <span className="field__marker">{t("form.optional")}</span>
        </label>
        <p id={hintId} className="hint">
          {t("form.noteHint", { max: NOTE_MAX })}
        </p>
        {noteError ? (
          // A refusal the fetcher brought is announced here; a page sent back has its summary.
          <p id={ids.error} className="field-error" role={failure === refused ? undefined : "alert"}>
            {noteError}
          </p>
        ) : null}
        <textarea
          key={failure ? `kept-${failure.note.length}` : "empty"}
          id={ids.note}
          name="note"
          rows={2}
          className="input"
          defaultValue={failure?.note ?? ""}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? `${ids.error} ${hintId}` : hintId}
        />
      </div>
      <p id={levelsId} className="skill-levels__label">
        {t("form.levels")}
      </p>
      <div role="group" aria-labelledby={`${headingId} ${levelsId}`} className="skill-levels">
        {AUTONOMY_LEVELS.map((level) => (
          <button
            key={level}
            type="submit"
            name="level"
            value={level}
            aria-pressed={pressed === level}
            className="skill-level"
          >
            {t(`levels.${level}`)}
          </button>
        ))}
      </div>
      <p role="status" className="skill-card__saved">
        {saved ? t("form.saved", { name: personName, skill: skill.label }) : ""}
      </p>
    </fetcher.Form>
  );
}

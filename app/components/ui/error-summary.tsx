import { forwardRef, type ReactNode } from "react";

type Props = {
  title: string;
  /** For aria-labelledby; unique on the page. */
  titleId: string;
  id?: string;
  /** Extra classes (the page width when the summary stands first in `main`). */
  className?: string;
  /** Problems with the form as a whole (a refusal from the server), shown first as they are. */
  formMessages: { key: string; content: ReactNode }[];
  /** One link per field in trouble, in page order, to the field itself. */
  fieldLinks: { key: string; href: string; message: string }[];
  /** A line above the field links ("Merci de vérifier ce qui suit :"). */
  intro?: string;
};

/**
 * The box at the top of a form that says what stops it from being sent. Announced at once
 * (role="alert") and focusable from a script (tabIndex -1), so a form can move the focus to it.
 * Draws nothing when there is nothing to say.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary(
  { title, titleId, id, className, formMessages, fieldLinks, intro },
  ref,
) {
  if (formMessages.length === 0 && fieldLinks.length === 0) return null;
  return (
    <div
      ref={ref}
      id={id}
      className={className ? `error-summary ${className}` : "error-summary"}
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{title}</h2>
      {formMessages.map(({ key, content }) => (
        <p key={key} className="error-summary__message">
          {content}
        </p>
      ))}
      {fieldLinks.length > 0 ? (
        <>
          {intro ? <p>{intro}</p> : null}
          <ul>
            {fieldLinks.map(({ key, href, message }) => (
              <li key={key}>
                <a href={href}>{message}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
});

import { render, toPlainText } from "@react-email/render";

import type { EmailDraft } from "./types";

// Headings keep their case in the text part: upper case is harder to read, and lost on names.
const HEADINGS = ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } }));

/** The HTML part, and the plain-text part drawn from it (links written out after their label). */
export async function renderEmail(draft: EmailDraft): Promise<{ subject: string; html: string; text: string }> {
  const html = await render(draft.element);
  return { subject: draft.subject, html, text: toPlainText(html, { selectors: HEADINGS }) };
}

/**
 * The submitted form, or an empty one when the body is not a form at all (no body, JSON, an
 * unknown content type, a DELETE without body...). `request.formData()` throws a TypeError on
 * those, which Remix answers with a 500; an empty form instead goes through the usual
 * validation and gets its 4xx with the usual translated messages.
 */
export async function readFormData(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch (error) {
    if (error instanceof TypeError) return new FormData();
    throw error;
  }
  return withEchoableValues(form);
}

/** Longer than any field the app's forms accept (the longest free text is 500 characters). */
export const FIELD_ECHO_LIMIT = 1000;

/**
 * A refused form is shown again with what was typed. A value longer than any field accepts is cut
 * to one character past the limit: still refused as too long by the field's own rule (with its
 * translated message), but never echoed back whole (the server caps the whole body at 64 KiB).
 */
function withEchoableValues(form: FormData): FormData {
  const tooLong = [...form.values()].some((value) => typeof value === "string" && value.length > FIELD_ECHO_LIMIT);
  if (!tooLong) return form;
  const cut = new FormData();
  for (const [name, value] of form.entries()) {
    cut.append(name, typeof value === "string" ? value.slice(0, FIELD_ECHO_LIMIT + 1) : value);
  }
  return cut;
}

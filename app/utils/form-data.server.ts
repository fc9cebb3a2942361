/**
 * The submitted form, or an empty one when the body is not a form at all (no body, JSON, an
 * unknown content type, a DELETE without body...). `request.formData()` throws a TypeError on
 * those, which Remix answers with a 500; an empty form instead goes through the usual
 * validation and gets its 4xx with the usual translated messages.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch (error) {
    if (error instanceof TypeError) return new FormData();
    throw error;
  }
}

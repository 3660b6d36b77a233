import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiRequestError, errorMessage } from './api.ts';

/**
 * Puts the API's field errors under the matching form fields. Returns true when at least one field
 * matched, so the caller need not repeat the message above the form.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiRequestError) || error.fields.length === 0) return false;
  const known = new Set(form.getFieldsError().map((field) => String(field.name[0])));
  const fields = error.fields
    .map((field) => ({ name: field.path.split('.').filter(Boolean), errors: [field.message] }))
    .filter((field) => field.name.length > 0 && known.has(String(field.name[0])));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}

/**
 * A failed submit: field errors go under their fields; anything else becomes `message`, shown by the
 * form in an Alert above its fields.
 */
export function useFormError(form: FormInstance) {
  const [message, setMessage] = useState<string | null>(null);
  const report = useCallback(
    (error: unknown) => setMessage(showFieldErrors(form, error) ? null : errorMessage(error)),
    [form],
  );
  const clear = useCallback(() => setMessage(null), []);
  return { message, report, clear };
}

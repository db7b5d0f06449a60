import { HttpError } from 'react-admin';

export interface PasswordErrors {
  /** The API's message, shown above the form unless an input already shows it. */
  message: string;
  /** Field messages by the API's field names (`password`, `currentPassword`…). */
  fields: Record<string, string>;
}

/**
 * The API's refusal as the password forms show it. httpClient has already moved `errors` into
 * react-admin's form shape (`root.serverError` beside the fields); only the fields are kept.
 */
export const passwordErrorsOf = (error: unknown, fallback: string): PasswordErrors => {
  if (!(error instanceof HttpError)) return { message: fallback, fields: {} };
  const body = error.body as { errors?: Record<string, unknown> } | undefined;
  const fields = Object.fromEntries(
    Object.entries(body?.errors ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );

  return { message: error.message || fallback, fields };
};

/** The message above the form, when no input shows the same words already. */
export const generalMessage = (errors: PasswordErrors): string | undefined =>
  errors.message && !Object.values(errors.fields).includes(errors.message)
    ? errors.message
    : undefined;

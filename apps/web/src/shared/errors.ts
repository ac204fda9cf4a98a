import { errorMessage } from '@opsdesk/contracts';
import { getApiLanguage, isApiError } from '../app/api/client';

/** A message for any failure: the API's own (already in the user's language), else a generic one. */
export function describeError(e: unknown): string {
  if (isApiError(e)) return e.message;
  return errorMessage('INTERNAL', getApiLanguage());
}

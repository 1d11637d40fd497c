import type { TFunction } from 'i18next';
import { isApiError } from '../../lib/api-client.ts';
import { fieldErrorMessage, problemMessage } from '../../lib/problem-message.ts';

/**
 * A refused request as a form shows it: each field error at its field (`seats`, `userTypeIds.2`
 * → `userTypeIds`), worded from the contracts' table; anything else as one message.
 */
export function serverProblems<F extends string>(error: unknown, fields: readonly F[], t: TFunction): { fields: Partial<Record<F, string>>; general: string | null } {
  if (!error) return { fields: {}, general: null };
  const placed: Partial<Record<F, string>> = {};
  let unplaced = false;
  if (isApiError(error) && error.status < 500 && error.fieldErrors.length) {
    for (const e of error.fieldErrors) {
      const field = fields.find((f) => e.path === f || e.path.startsWith(`${f}.`));
      if (!field) {
        unplaced = true;
        continue;
      }
      const message = fieldErrorMessage(e, t);
      placed[field] = placed[field] ? `${placed[field]} ; ${message}` : message;
    }
    return { fields: placed, general: unplaced ? problemMessage(error, t) : null };
  }
  return { fields: {}, general: problemMessage(error, t) };
}

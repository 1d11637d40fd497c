import type { UpdateOrganizationBody } from '@sesame/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { notify } from '../../lib/notifications.ts';
import { fieldErrorMessage } from '../../lib/problem-message.ts';
import { useUpdateOrganization } from './api/organization-settings.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One section's draft of the organization settings: nothing applies before Save, which sends
 * only the fields that changed; the API's field refusals are read by path (`defaultGroupIds.2`
 * belongs to `defaultGroupIds`, `settings.locale` to `settings.locale`).
 */
export function useSettingsDraft<T extends Record<string, unknown>>(saved: T, fields: readonly string[], onDirtyChange: (dirty: boolean) => void) {
  const { t } = useTranslation();
  const update = useUpdateOrganization();
  const [draft, setDraft] = useState<T | null>(null);
  const current = draft ?? saved;
  const changed = (Object.keys(current) as (keyof T & string)[]).filter((key) => !same(current[key], saved[key]));
  const dirty = changed.length > 0;

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const change = (patch: Partial<T>) => setDraft({ ...current, ...patch });
  const discard = () => {
    setDraft(null);
    update.reset();
  };
  const save = (toBody: (values: T, changed: readonly (keyof T & string)[]) => UpdateOrganizationBody) =>
    update.mutate(toBody(current, changed), {
      onSuccess: () => {
        setDraft(null);
        notify({ tone: 'success', title: t('common.saved'), message: t('organizationSettings.savedBody') });
      },
    });

  const fieldErrors = isApiError(update.error) ? update.error.fieldErrors : [];
  const belongs = (path: string, field: string) => path === field || path.startsWith(`${field}.`);
  const errorOf = (field: string) => {
    const error = fieldErrors.find((e) => belongs(e.path, field));
    return error ? fieldErrorMessage(error, t) : undefined;
  };
  // What no field shows (a refusal without fields, or on a field this section does not have).
  const placed = fieldErrors.length > 0 && fieldErrors.every((e) => fields.some((f) => belongs(e.path, f)));
  const unplacedError = update.error && !placed ? update.error : null;

  return { current, dirty, changed, change, discard, save, saving: update.isPending, errorOf, unplacedError };
}

/** The changed keys of `values` as a PATCH body. */
export function pick<T extends Record<string, unknown>>(values: T, keys: readonly (keyof T & string)[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, values[key]])) as Partial<T>;
}

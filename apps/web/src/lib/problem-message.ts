import type { TFunction } from 'i18next';
import { FileTooLargeProblem } from '@sesame/contracts';
import { ApiError, ContractError, NetworkError } from './api-client.ts';
import { fr } from '../locales/fr.ts';

type KnownCode = keyof typeof fr.errors.codes;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(fr.errors.codes, code);
}

/**
 * The sentence to show for a failed request, in the interface language. Stable error codes
 * have our own wording (the API's `detail` may be in another language); for other codes
 * the API's `detail` is shown as is.
 */
export function problemMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'file_too_large') {
      const tooLarge = FileTooLargeProblem.safeParse(error.problem);
      const mib = tooLarge.success ? tooLarge.data.maxBytes / (1024 * 1024) : undefined;
      if (mib !== undefined) return t('errors.fileTooLarge', { size: mib >= 1 ? t('errors.sizeMiB', { count: Math.round(mib * 10) / 10 }) : t('errors.sizeBytes', { count: tooLarge.data!.maxBytes }) });
    }
    if (isKnownCode(error.code)) return t(`errors.codes.${error.code}`);
    if (error.code === 'validation_failed') return error.detail || t('errors.validation');
    if (error.status >= 500) return t('errors.unexpected');
    return error.detail || t('errors.unexpected');
  }
  if (error instanceof NetworkError) return t('errors.network');
  if (error instanceof ContractError) return t('errors.invalidResponse');
  return t('errors.unexpected');
}

/**
 * A refusal's reason from its stable code (a bulk result, a field error), in the interface
 * language; the English message from the API when the code is one we have no words for.
 */
export function reasonMessage(code: string | undefined, message: string | undefined, t: TFunction): string {
  if (code && isKnownCode(code)) return t(`errors.codes.${code}`);
  return message || code || t('errors.unexpected');
}

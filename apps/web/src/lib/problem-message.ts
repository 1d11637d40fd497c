import type { TFunction } from 'i18next';
import { FileTooLargeProblem, knownMessage, refusalMessage, unbreakableEmailWord, type Language, type MessageParams } from '@sesame/contracts';
import { ApiError, ContractError, NetworkError } from './api-client.ts';

/**
 * The interface language of `t` (each locale's `errors.language`), so the words come from the
 * same translator as the rest of the sentence, whichever i18next instance it is.
 */
function languageOf(t: TFunction): Language {
  return t('errors.language') === 'en' ? 'en' : 'fr';
}

/**
 * What a problem document says that its wording is made of: its `params` (the level needed,
 * the action refused, counts…), a file limit, who decided, when to retry.
 */
function problemParams(error: ApiError, lang: Language): MessageParams {
  const problem = error.problem as Record<string, unknown>;
  const params: MessageParams = { ...error.problem.params };
  if (error.code === 'file_too_large') {
    const tooLarge = FileTooLargeProblem.safeParse(problem);
    if (tooLarge.success) params.maxBytes = tooLarge.data.maxBytes;
  }
  if (error.code === 'already_decided') {
    const by = problem.decidedBy as { kind?: string; fullName?: string; username?: string } | undefined;
    Object.assign(params, {
      decision: typeof problem.decision === 'string' ? problem.decision : undefined,
      decidedAt: typeof problem.decidedAt === 'string' ? problem.decidedAt : undefined,
      by: by?.kind === 'automatic' ? 'automatic' : by?.kind === 'member' ? 'member' : by ? 'former' : undefined,
      fullName: by?.fullName,
      username: by?.username,
    });
  }
  if (error.code === 'seats_exhausted' && error.fieldErrors.length) {
    params.details = error.fieldErrors.map((e) => refusalMessage(e, lang)).join(' ; ');
  }
  return params;
}

/**
 * The sentence to show for a failed request, in the interface language, from the contracts'
 * table of refusals (the same words the API uses). A `conflict` says what changed only in
 * the API's `detail`, which is shown; a code this version does not know shows the `detail`.
 */
export function problemMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status >= 500) return t('errors.unexpected');
    const lang = languageOf(t);
    if (error.code === 'conflict' && error.detail) return error.detail;
    if (error.code === 'validation_failed') {
      return error.fieldErrors.length ? error.fieldErrors.map((e) => fieldErrorMessage(e, t)).join(' ; ') : t('errors.validation');
    }
    return unbreakableEmailWord(knownMessage(error.code, problemParams(error, lang), lang) ?? (error.detail || t('errors.unexpected')));
  }
  if (error instanceof NetworkError) return t('errors.network');
  if (error instanceof ContractError) return t('errors.invalidResponse');
  return t('errors.unexpected');
}

/**
 * A refusal's reason from its stable code (a bulk result, a field error) and the params of its
 * wording, in the interface language; the API's message when the code is one we have no words for.
 */
export function reasonMessage(code: string | undefined, message: string | undefined, t: TFunction, params?: MessageParams): string {
  if (!code && !message) return t('errors.unexpected');
  return unbreakableEmailWord(refusalMessage({ code, message, params }, languageOf(t)));
}

/** One `errors[]` entry of a problem as the interface says it: the one way to show a field error. */
export function fieldErrorMessage(error: { code?: string | undefined; message?: string | undefined; params?: MessageParams | undefined }, t: TFunction): string {
  return reasonMessage(error.code, error.message, t, error.params);
}

/** A request's field errors with each message worded in the interface language (the wizard places them on rows and fields). */
export function wordedFieldErrors<E extends { code?: string | undefined; message?: string | undefined; params?: MessageParams | undefined }>(errors: ReadonlyArray<E>, t: TFunction): (E & { message: string })[] {
  return errors.map((e) => ({ ...e, message: fieldErrorMessage(e, t) }));
}

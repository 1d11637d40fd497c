import type { FieldErrorCode } from '@sesame/contracts';

/** One entry of a problem's `errors[]`: the code is what a client translates; the message is English. */
export type FieldError = { path: string; code: FieldErrorCode; message: string; params?: Record<string, string | number> };

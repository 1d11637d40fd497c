import { z } from 'zod';

/** RFC 9457 problem details as rendered by the API for every error. */
export const Problem = z.object({
  type: z.string().optional(),
  status: z.number().int(),
  title: z.string(),
  detail: z.string(),
  code: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Stable error codes the UI can rely on. */
export const errorCodes = [
  'validation_failed',
  'invalid_credentials',
  'member_disabled',
  'rate_limited',
  'unauthenticated',
  'csrf_failed',
  'password_change_required',
  'forbidden',
  'not_found',
  'conflict',
  'weak_password',
  'wrong_password',
  'internal_error',
  'seats_exhausted',
  'invitation_expired',
  'invitation_used',
  'invitation_revoked',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

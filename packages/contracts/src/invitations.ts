import { z } from 'zod';
import { IdentityType } from './enums.ts';
import { Password } from './auth.ts';

export const InvitationDetails = z.object({
  organization: z.object({ name: z.string(), slug: z.string() }),
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  identityType: IdentityType,
  expiresAt: z.string(),
  invitedBy: z.string().nullable(),
  message: z.string().nullable(),
});
export type InvitationDetails = z.infer<typeof InvitationDetails>;

export const AcceptInvitationBody = z.object({ password: Password.optional() });
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

export const InvitationSent = z.object({ expiresAt: z.string() });

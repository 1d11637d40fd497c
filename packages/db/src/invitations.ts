import type { Prisma } from './generated/prisma/client.ts';
import { hashToken, newToken } from './tokens.ts';

type Tx = Pick<Prisma.TransactionClient, 'invitation'>;

export type NewInvitation = {
  organizationId: string;
  memberId: string;
  /** The organization's invitationTtlDays. */
  ttlDays: number;
  invitedById?: string | null;
  message?: string | null;
  now?: Date;
};

/**
 * Writes one invitation (single use: only the token's SHA-256 is stored) and returns the
 * token for the activation link. Earlier invitations are the caller's to revoke.
 */
export async function createInvitation(tx: Tx, input: NewInvitation): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date((input.now ?? new Date()).getTime() + input.ttlDays * 86_400_000);
  await tx.invitation.create({
    data: {
      organizationId: input.organizationId,
      memberId: input.memberId,
      tokenHash: hashToken(token),
      invitedById: input.invitedById ?? null,
      message: input.message ?? null,
      expiresAt,
    },
  });
  return { token, expiresAt };
}

/** The page where an invited member activates their account (the web app's /activate/:token). */
export const activationLink = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/activate/${token}`;

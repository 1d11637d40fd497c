import type { Prisma } from '@sesame/db';

/** Who asked and how far their request has come: what the contacts' queue and the requester's status page both show. */
export const progressSelect = {
  firstName: true,
  lastName: true,
  email: true,
  status: true,
  createdAt: true,
  confirmedAt: true,
  decidedAt: true,
  denyReason: true,
  autoApproved: true,
} as const satisfies Prisma.AccessRequestSelect;

type ProgressRow = Prisma.AccessRequestGetPayload<{ select: typeof progressSelect }>;

/** The progress as the contracts give it; each caller says who may read the reason of a denial. */
export const progressDto = (r: ProgressRow) => ({
  firstName: r.firstName,
  lastName: r.lastName,
  email: r.email,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  confirmedAt: r.confirmedAt?.toISOString() ?? null,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  autoApproved: r.autoApproved,
});

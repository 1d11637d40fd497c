import { timingSafeEqual } from 'node:crypto';

// Shared with the command line (invitations it creates), so they live in @sesame/db.
export { hashToken, newToken } from '@sesame/db/tokens';

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

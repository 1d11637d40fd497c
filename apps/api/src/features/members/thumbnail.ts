import type { Db } from '@sesame/db';
import { audit } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { hasLevel } from '../../lib/privileges.ts';
import { memberVisibility, visibleMembersWhere } from './visibility.ts';

export const THUMBNAIL_MAX_BYTES = 1024 * 1024;

/** The image types we accept, recognised by their first bytes rather than the declared type. */
function sniffImage(data: Buffer): string | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 12 && data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (data.length >= 6 && /^GIF8[79]a$/.test(data.subarray(0, 6).toString('latin1'))) return 'image/gif';
  return null;
}

function canEdit(auth: AuthContext, memberId: string) {
  return memberId === auth.memberId || hasLevel(auth.privileges, 'members', 'update');
}

export async function setThumbnail(db: Db, auth: AuthContext, memberId: string, data: Buffer | null, ip: string) {
  if (!canEdit(auth, memberId)) throw forbidden({ action: 'change_picture', area: 'members', level: 'update' });
  let type: string | null = null;
  if (data) {
    if (data.length === 0) throw new AppError(400, 'validation_failed', { params: { reason: 'image_empty' } });
    if (data.length > THUMBNAIL_MAX_BYTES) throw new AppError(413, 'validation_failed', { params: { reason: 'image_too_large', maxBytes: THUMBNAIL_MAX_BYTES } });
    type = sniffImage(data);
    if (!type) throw new AppError(415, 'validation_failed', { params: { reason: 'image_type' } });
  }
  await db.$transaction(async (tx) => {
    const member = await tx.member.findFirst({ where: { id: memberId, organizationId: auth.organizationId }, select: { id: true, username: true, thumbnailType: true } });
    if (!member) throw notFound('member');
    // Removing a picture that is not there changes nothing and records nothing.
    if (!data && member.thumbnailType === null) return;
    await tx.member.update({ where: { id: memberId, organizationId: auth.organizationId }, data: { thumbnail: data ? new Uint8Array(data) : null, thumbnailType: type } });
    await audit(tx, {
      organizationId: auth.organizationId,
      actorId: auth.memberId,
      actorUsername: auth.username,
      action: data ? 'member.thumbnail_changed' : 'member.thumbnail_removed',
      targetType: 'member',
      targetId: memberId,
      targetLabel: member.username,
      before: { thumbnail: member.thumbnailType },
      after: { thumbnail: type },
      ip,
    });
  });
}

export async function getThumbnail(db: Db, auth: AuthContext, memberId: string): Promise<{ data: Buffer; type: string }> {
  // A picture is seen by whoever sees the member (visibility.ts): a private member's is not.
  const m = await db.member.findFirst({
    where: { AND: [{ id: memberId, organizationId: auth.organizationId }, visibleMembersWhere(memberVisibility(auth))] },
    select: { thumbnail: true, thumbnailType: true },
  });
  if (!m) throw notFound('member');
  if (!m.thumbnail || !m.thumbnailType) throw notFound('picture');
  return { data: Buffer.from(m.thumbnail), type: m.thumbnailType };
}

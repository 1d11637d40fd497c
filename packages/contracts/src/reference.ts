import { z } from 'zod';
import { PrivilegeArea, PrivilegeLevel } from './enums.ts';

export const Role = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  nameFr: z.string(),
  builtIn: z.boolean(),
  isAdministrator: z.boolean(),
  privileges: z.record(PrivilegeArea, PrivilegeLevel),
});
export type Role = z.infer<typeof Role>;

export const UserType = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  nameFr: z.string(),
  seatLimit: z.number().int().nullable(),
  seatsUsed: z.number().int(),
  compatibleRoles: z.array(z.object({ id: z.string(), key: z.string() })),
  compatibleLicenses: z.array(z.object({ id: z.string(), key: z.string() })),
});
export type UserType = z.infer<typeof UserType>;

export const License = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  seatsTotal: z.number().int(),
  seatsUsed: z.number().int(),
});
export type License = z.infer<typeof License>;

export const Group = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
  memberCount: z.number().int(),
  /** New members join it unless the administrator chooses otherwise. */
  isDefault: z.boolean(),
});
export type Group = z.infer<typeof Group>;

export const MemberCategory = z.object({ id: z.string(), name: z.string(), memberCount: z.number().int() });
export type MemberCategory = z.infer<typeof MemberCategory>;

export const ItemsOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });

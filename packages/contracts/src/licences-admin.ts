import { z } from 'zod';
import { MemberSummary } from './reference-admin.ts';
import { SingleLineText, nonBlank } from './text.ts';

/**
 * Administering licences and user types (issue 15, shared/API.md "Reference data
 * administration"): seats never below those used (409 `seats_below_used` on `seats`), a
 * compatibility members rely on is not removed (409 `compatibility_in_use`), a licence still
 * assigned is deleted only when the administrator confirms removing every assignment.
 */
const Seats = z.number().int('Seats must be a whole number').min(0, 'Seats cannot be negative').max(10_000_000);
const Ids = z.array(z.uuid('Each id must be a UUID')).max(200);

export const CreateLicenseBody = z
  .object({
    name: SingleLineText.trim().min(1, 'A name is required').max(100, 'A name has at most 100 characters').meta(nonBlank),
    seats: Seats,
    /** The user types whose members may hold it. */
    userTypeIds: Ids,
  })
  .strict();
export type CreateLicenseBody = z.infer<typeof CreateLicenseBody>;

export const UpdateLicenseBody = CreateLicenseBody.partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change', params: { code: 'required' } })
  .meta({ minProperties: 1 });
export type UpdateLicenseBody = z.infer<typeof UpdateLicenseBody>;

export const DeleteLicenseQuery = z
  .object({
    /** Confirms removing the licence from every member who holds it. */
    removeAssignments: z.enum(['true', 'false']).default('false'),
  })
  .strict();
export type DeleteLicenseQuery = z.infer<typeof DeleteLicenseQuery>;

export const DeleteLicenseResponse = z.object({ id: z.string(), name: z.string(), assignmentsRemoved: z.number().int() });
export type DeleteLicenseResponse = z.infer<typeof DeleteLicenseResponse>;

/** A licence as its page shows it: seats, the user types it suits. */
export const LicenseDetail = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  seatsTotal: z.number().int(),
  seatsUsed: z.number().int(),
  userTypeIds: z.array(z.string()),
});
export type LicenseDetail = z.infer<typeof LicenseDetail>;

export const UpdateUserTypeBody = z
  .object({
    /** null: unlimited. */
    seats: Seats.nullable(),
    roleIds: Ids,
    licenseIds: Ids,
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change', params: { code: 'required' } })
  .meta({ minProperties: 1 });
export type UpdateUserTypeBody = z.infer<typeof UpdateUserTypeBody>;

/**
 * A member as the licence's picker offers them: whether they already hold it, and whether they
 * may be given it — if not, the refusal's code and params as an assignment would give them
 * (`incompatible_license`, the wizard's), worded from the one table of refusals.
 */
export const LicenseCandidate = MemberSummary.extend({
  userType: z.object({ id: z.string(), key: z.string(), name: z.string(), nameFr: z.string() }),
  holds: z.boolean(),
  eligible: z.boolean(),
  refusal: z.object({ code: z.literal('incompatible_license'), params: z.record(z.string(), z.string()) }).nullable(),
});
export type LicenseCandidate = z.infer<typeof LicenseCandidate>;

/** A page of the organization's members for the licence's picker, with the seats left. */
export const LicenseCandidatePage = z.object({
  items: z.array(LicenseCandidate),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  seatsTotal: z.number().int(),
  seatsUsed: z.number().int(),
});
export type LicenseCandidatePage = z.infer<typeof LicenseCandidatePage>;

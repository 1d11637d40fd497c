/** A user type as licence compatibility needs it. */
export type LicenceCompatibleType = { id: string; nameEn: string; nameFr: string; compatibleLicenseIds: readonly string[] };

/**
 * The user types (distinct) a licence is not compatible with: a licence given to several
 * members must suit every one of their user types (an add-on licence is compatible with user
 * types, decision 011).
 */
export function typesRefusingLicence<T extends LicenceCompatibleType>(licenseId: string, types: readonly T[]): T[] {
  const distinct = [...new Map(types.map((t) => [t.id, t])).values()];
  return distinct.filter((t) => !t.compatibleLicenseIds.includes(licenseId));
}

/** The licences (ids) compatible with every one of these user types. */
export function licencesForAll(licenseIds: readonly string[], types: readonly Pick<LicenceCompatibleType, 'id' | 'compatibleLicenseIds'>[]): string[] {
  return licenseIds.filter((id) => types.every((t) => t.compatibleLicenseIds.includes(id)));
}

/** The params of an `incompatible_license` refusal: the licence and the user types refusing it. */
export const incompatibleLicenceParams = (licence: { name: string }, types: readonly { nameEn: string; nameFr: string }[]) => ({
  name: licence.name,
  userType: types.map((t) => t.nameEn).join(', '),
  userTypeFr: types.map((t) => t.nameFr).join(', '),
});

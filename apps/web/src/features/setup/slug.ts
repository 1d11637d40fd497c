import { isOrganizationSlug } from '@sesame/contracts';

/**
 * The identifier proposed for an organization's name: lower-case ASCII words joined by single
 * hyphens, at most 63 characters (the contracts' `OrganizationSlug` rule); '' when the name
 * has no letter or digit to make one of.
 */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return isOrganizationSlug(slug) ? slug : '';
}

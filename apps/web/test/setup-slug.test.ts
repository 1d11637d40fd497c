import { isOrganizationSlug } from '@sesame/contracts';
import { describe, expect, it } from 'vitest';
import { slugFromName } from '../src/features/setup/slug.ts';

describe('the identifier proposed from an organization name', () => {
  it('lower-cases, drops accents and joins words with single hyphens', () => {
    expect(slugFromName('Métropole de Lyon')).toBe('metropole-de-lyon');
    expect(slugFromName('  Œuvres  & Cie — Île-de-France ')).toBe('oeuvres-cie-ile-de-france');
  });

  it('always follows the contracts’ rule, or proposes nothing', () => {
    expect(slugFromName('')).toBe('');
    expect(slugFromName('!')).toBe('');
    expect(slugFromName('A')).toBe('');
    const long = slugFromName('mot '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(63);
    expect(isOrganizationSlug(long)).toBe(true);
  });
});

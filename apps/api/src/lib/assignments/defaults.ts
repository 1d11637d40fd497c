import type { BatchProperties } from '@sesame/contracts';

type Chosen = NonNullable<BatchProperties['settings']>;
/** The language may come from elsewhere (an access request's page), as any language code. */
type Settings = Omit<Chosen, 'language'> & { language?: string | undefined };
type OrganizationDefaults = {
  defaultVisibility: NonNullable<Chosen['profileVisibility']>;
  defaultLanguage: string;
  defaultLocale: string;
  defaultUnits: NonNullable<Chosen['units']>;
  defaultStartPage: string;
};

/** A new member's settings: those chosen in the wizard (or for the import), else the organization's defaults. */
export function newMemberSettings(org: OrganizationDefaults, chosen: Settings = {}) {
  return {
    profileVisibility: chosen.profileVisibility ?? org.defaultVisibility,
    language: chosen.language ?? org.defaultLanguage,
    locale: chosen.locale ?? org.defaultLocale,
    units: chosen.units ?? org.defaultUnits,
    startPage: chosen.startPage ?? org.defaultStartPage,
  };
}

import type { TFunction } from 'i18next';

/**
 * What a member owns, worded with plural forms: "3 éléments de contenu et 1 groupe" (a part
 * that is zero is left out; nothing at all reads "0 élément de contenu").
 */
export function ownedText(t: TFunction, language: string, content: number, groups: number): string {
  const parts = [
    ...(content > 0 || groups === 0 ? [t('memberDetail.owned.contentCount', { count: content })] : []),
    ...(groups > 0 ? [t('memberDetail.owned.groupsCount', { count: groups })] : []),
  ];
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(parts);
}

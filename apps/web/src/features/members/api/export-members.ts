import type { Language, MemberExportColumn } from '@sesame/contracts';
import type { MemberListParams } from './list-members.ts';

/**
 * `GET /api/members/export.csv` for the list as filtered and sorted (every page: `limit` and
 * `cursor` are left out), with the given columns, in the given language (its separator: `;`
 * in French, `,` in English, the server's default). A plain link: the session cookie goes with it.
 */
export function membersExportUrl(params: MemberListParams, columns: readonly MemberExportColumn[], lang: Language): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === 'limit' || key === 'cursor' || value === undefined) continue;
    search.set(key, String(value));
  }
  search.set('columns', columns.join(','));
  search.set('lang', lang);
  return `/api/members/export.csv?${search.toString()}`;
}

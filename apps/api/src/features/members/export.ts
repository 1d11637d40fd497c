import { Readable } from 'node:stream';
import {
  defaultDelimiter,
  defaultMemberExportColumns,
  identityTypeLabels,
  memberExportDelimiters,
  memberExportFileName,
  memberExportHeaders,
  memberStatusLabels,
  toCsv,
  UTF8_BOM,
  type Language,
  type MemberExportColumn,
  type MemberExportOptions,
} from '@sesame/contracts';
import type { Prisma } from '@sesame/db';
import { audit } from '../../lib/audit.ts';
import type { AuthContext } from '../../lib/auth.ts';
import { forbidden } from '../../lib/errors.ts';
import { afterCursor, cursorValue, filters, orderBy, type ListQuery, type MembersDeps } from './service.ts';
import { sortColumns } from './cursor.ts';
import { memberVisibility } from './visibility.ts';
import { memberIdentitySelect } from '../../lib/member-dto.ts';

/** Members read per query: the export never holds more than one page of the organization. */
export const EXPORT_PAGE_SIZE = 1000;

const exportSelect = {
  ...memberIdentitySelect,
  createdAt: true,
  lastSignInAt: true,
  role: { select: { nameEn: true, nameFr: true } },
  userType: { select: { nameEn: true, nameFr: true } },
  licenses: { select: { license: { select: { name: true } } }, orderBy: { license: { name: 'asc' } } },
  groups: { select: { group: { select: { name: true } } }, orderBy: { group: { name: 'asc' } } },
  categories: { select: { category: { select: { name: true } } }, orderBy: { category: { name: 'asc' } } },
} satisfies Prisma.MemberSelect;
type ExportRow = Prisma.MemberGetPayload<{ select: typeof exportSelect }>;

const named = (r: { nameEn: string; nameFr: string }, lang: Language) => (lang === 'fr' ? r.nameFr : r.nameEn);
const date = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').slice(0, 19) : '');
const list = (names: string[]) => names.join(', ');

/** One cell per column, as people read it: labels in the language, not internal keys. */
function cell(row: ExportRow, column: MemberExportColumn, lang: Language): string {
  switch (column) {
    case 'lastName':
    case 'firstName':
    case 'username':
    case 'email':
      return row[column];
    case 'fullName':
      return `${row.firstName} ${row.lastName}`.trim();
    case 'role':
      return named(row.role, lang);
    case 'userType':
      return named(row.userType, lang);
    case 'status':
      return memberStatusLabels[row.status][lang];
    case 'identityType':
      return identityTypeLabels[row.identityType][lang];
    case 'licenses':
      return list(row.licenses.map((l) => l.license.name));
    case 'groups':
      return list(row.groups.map((g) => g.group.name));
    case 'categories':
      return list(row.categories.map((c) => c.category.name));
    case 'lastSignInAt':
      return date(row.lastSignInAt);
    case 'createdAt':
      return date(row.createdAt);
  }
}

export type MemberExport = { fileName: string; stream: Readable };

/**
 * The members list as CSV (UTF-8 with a BOM, CRLF, formula-like cells neutralised by toCsv),
 * read page by page with the list's own keyset cursor and filters, so that memory holds one
 * page whatever the organization's size. Needs View on members (the route says so; checked
 * again here). The `members.exported` audit event is written once the last page was handed
 * to the response — or, when the download was cut short, with the rows sent so far.
 */
export function exportMembers(deps: MembersDeps, auth: AuthContext, q: MemberExportOptions, acceptLanguageFrench: boolean, ip: string): MemberExport {
  const visibility = memberVisibility(auth);
  if (!visibility.full) throw forbidden({ action: 'export_members', area: 'members', level: 'view' });
  const lang: Language = q.lang ?? (acceptLanguageFrench ? 'fr' : 'en');
  const delimiter = q.delimiter ? memberExportDelimiters[q.delimiter] : defaultDelimiter(lang);
  const columns = [...new Set(q.columns ?? defaultMemberExportColumns)];
  const listQuery: ListQuery = { ...q, limit: EXPORT_PAGE_SIZE };
  const where = filters(auth.organizationId, listQuery, visibility);
  const cols = sortColumns[q.sort];
  const order = orderBy(cols, q.order);
  const now = new Date();

  async function* csv(): AsyncGenerator<string> {
    let count = 0;
    let complete = false;
    try {
      yield UTF8_BOM + toCsv([columns.map((c) => memberExportHeaders[c][lang])], { delimiter });
      let after: ExportRow | undefined;
      for (;;) {
        const last = after;
        const pageWhere = last ? { AND: [where, afterCursor(cols, cols.map((c) => cursorValue(last, c)), last.id, q.order)] } : where;
        const rows = await deps.db.member.findMany({ where: pageWhere, orderBy: order, take: EXPORT_PAGE_SIZE, select: exportSelect });
        if (rows.length) yield toCsv(rows.map((r) => columns.map((c) => cell(r, c, lang))), { delimiter });
        count += rows.length;
        if (rows.length < EXPORT_PAGE_SIZE) break;
        after = rows[rows.length - 1];
      }
      complete = true;
    } finally {
      await audit(deps.db, {
        organizationId: auth.organizationId,
        actorId: auth.memberId,
        actorUsername: auth.username,
        action: 'members.exported',
        targetType: 'organization',
        targetId: auth.organizationId,
        after: {
          filters: { q: q.q ?? null, role: q.role ?? null, userType: q.userType ?? null, status: q.status ?? null, sort: q.sort, order: q.order },
          columns,
          lang,
          count,
          complete,
        },
        ip,
      });
    }
  }

  return { fileName: memberExportFileName(now), stream: Readable.from(csv(), { objectMode: false }) };
}

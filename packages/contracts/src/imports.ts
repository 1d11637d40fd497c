import { z } from 'zod';
import { MultiLineText, SingleLineText } from './text.ts';
import { csvFields, CsvFormat } from './csv/index.ts';
import { BatchMode, BatchProperties } from './members-batch.ts';
import { Language } from './enums.ts';
import { Problem, ProblemFieldError } from './problem.ts';
import { Member } from './members.ts';
import { refusalMessage } from './messages/table.ts';

// The CSV import's request and response shapes (routes under /api/imports, README), shared by the API
// (authority, OpenAPI) and the web app, and the wording of why a commit did not go through.

export const ImportStatus = z.enum(['validating', 'validated', 'committing', 'committed', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportTemplateQuery = z.object({
  format: CsvFormat,
  lang: Language.default('en'),
  /** Invite mode leaves the Password column out. */
  mode: BatchMode.default('credentials'),
});

export const ImportCreateQuery = z.object({
  format: CsvFormat,
  mode: BatchMode,
  /** The file's name, for the job list (multipart uploads carry their own). */
  fileName: SingleLineText.max(255).optional(),
});

/** What an upload may be (IMPORT_MAX_BYTES, IMPORT_MAX_ROWS), so a browser can say it before sending. */
export const ImportLimits = z.object({ maxBytes: z.number().int(), maxRows: z.number().int() });
export type ImportLimits = z.infer<typeof ImportLimits>;

/** 413 on upload: the file is above the configured IMPORT_MAX_BYTES, which it names. */
export const FileTooLargeProblem = Problem.extend({ code: z.literal('file_too_large'), maxBytes: z.number().int() });
export type FileTooLargeProblem = z.infer<typeof FileTooLargeProblem>;

export const ImportCounts = z.object({ total: z.number().int(), valid: z.number().int(), invalid: z.number().int() });
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportIssue = z.object({
  /** The column concerned; null for the row as a whole. */
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportFileIssue = z.object({
  code: z.string(),
  message: z.string(),
  columns: z.array(z.string()).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportFileIssue = z.infer<typeof ImportFileIssue>;

export const ImportRowValues = z.partialRecord(z.enum(csvFields), z.string().max(1000));
export type ImportRowValues = z.infer<typeof ImportRowValues>;

export const ImportRow = z.object({
  rowNumber: z.number().int(),
  values: ImportRowValues,
  errors: z.array(ImportIssue),
  warnings: z.array(ImportIssue),
  /** The member created from this row, once the import is committed. */
  memberId: z.string().nullable(),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportCreated = z.object({ id: z.string(), status: ImportStatus, counts: ImportCounts });
export type ImportCreated = z.infer<typeof ImportCreated>;

export const ImportJob = z.object({
  id: z.string(),
  status: ImportStatus,
  format: CsvFormat,
  mode: BatchMode,
  fileName: z.string().nullable(),
  counts: ImportCounts,
  fileErrors: z.array(ImportFileIssue),
  fileWarnings: z.array(ImportFileIssue),
  /** The header cells as read, and the language they are written in. */
  header: z.array(z.string()),
  language: Language,
  /** Commit progress (passwords hashed, then members written): processed of total. */
  progress: z.object({ processed: z.number().int(), total: z.number().int(), percent: z.number() }),
  /** Why the last commit did not go through (the job can be committed again), in the requested language. */
  error: z.string().nullable(),
  /** The stable code of `error` (see {@link importErrorCodes}). */
  errorCode: z.string().nullable(),
  /** What `error` is made of: each licence or user type short of seats, by how many (with `params`). */
  errorDetails: z.array(ProblemFieldError),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  rows: z.array(ImportRow),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportIdParams = z.object({ id: z.uuid() });
/** Row numbers are stored as a PostgreSQL integer: a larger one names no row and is refused as such. */
export const MAX_ROW_NUMBER = 2_147_483_647;
export const ImportRowParams = z.object({ id: z.uuid(), rowNumber: z.coerce.number().int().min(2).max(MAX_ROW_NUMBER) });

export const ImportGetQuery = z.object({
  limit: z.coerce.number().int().min(0).max(1000).default(100),
  /** The last row number of the previous page. */
  cursor: z.string().regex(/^\d{1,9}$/, 'Invalid cursor').optional(),
  /** `only`: rows with errors only. */
  errors: z.enum(['only', 'all']).default('all'),
  /** Language of the messages (English by default). */
  lang: Language.default('en'),
});

/** The members a committed import created, in the file's row order (`GET /api/imports/:id/members`). */
export const ImportMembersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The last row number of the previous page. */
  cursor: z.string().regex(/^\d{1,9}$/, 'Invalid cursor').optional(),
});
export const ImportMembersResponse = z.object({
  /** The members created from the file that still exist, oldest row first. */
  items: z.array(Member),
  /** How many of the file's members still exist (all pages). */
  total: z.number().int(),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ImportMembersResponse = z.infer<typeof ImportMembersResponse>;

export const ImportRowPatch = z.object({ values: ImportRowValues });
export const ImportRowResult = z.object({ row: ImportRow, counts: ImportCounts });
export type ImportRowResult = z.infer<typeof ImportRowResult>;
export const ImportRowDeleted = z.object({ counts: ImportCounts });
export type ImportRowDeleted = z.infer<typeof ImportRowDeleted>;

/** Removes several rows at once: the ticked ones, or every row that still has errors. */
export const ImportRowsRemoveBody = z
  .object({
    rowNumbers: z.array(z.number().int().min(2).max(MAX_ROW_NUMBER)).min(1).max(10_000).optional(),
    invalid: z.literal(true).optional(),
  })
  .refine((b) => (b.rowNumbers === undefined) !== (b.invalid === undefined), { message: 'Give either rowNumbers or invalid: true', path: ['rowNumbers'] })
  // The same rule, said in the document: exactly one of the two.
  .meta({ oneOf: [{ required: ['rowNumbers'] }, { required: ['invalid'] }] });
export type ImportRowsRemoveBody = z.infer<typeof ImportRowsRemoveBody>;
export const ImportRowsRemoved = z.object({ removed: z.number().int(), rowNumbers: z.array(z.number().int()), counts: ImportCounts });
export type ImportRowsRemoved = z.infer<typeof ImportRowsRemoved>;

export const ImportCommitBody = z
  .object({
    properties: BatchProperties.optional(),
    /** Custom message of the invitation emails (invite mode). */
    message: MultiLineText.trim().max(2000).optional(),
  })
  .default({});

export const ImportErrorsQuery = z.object({ lang: Language.optional() });

/** Why a commit did not go through; the job goes back to `validated` and can be committed again. */
export const importErrorCodes = [
  /** The server stopped during the commit (its transaction was rolled back). */
  'interrupted',
  /** `count` usernames were taken in the organization since the file was checked (those rows now say so). */
  'usernames_taken',
  /** `count` rows name a role no longer compatible with their user type. */
  'roles_incompatible',
  /** A row's password was changed while the commit hashed passwords. */
  'passwords_changed',
  /** Another request took a username during the commit. */
  'username_race',
  /** Not enough seats: `errorDetails` names each licence or user type and the shortfall. */
  'seats_exhausted',
  /** The chosen licences, groups or categories are no longer valid (`errorDetails`). */
  'validation_failed',
  /** Anything else. */
  'commit_failed',
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];

type Params = Record<string, string | number | undefined>;
const n = (p: Params, key: string) => Number(p[key] ?? 0);
const plural = (count: number, one: string, many: string) => (count > 1 ? many : one);

const jobErrors: Record<ImportErrorCode, Record<Language, (p: Params) => string>> = {
  interrupted: {
    en: () => 'The server stopped while this import was being committed; nothing was created. Commit it again.',
    fr: () => 'Le serveur s’est arrêté pendant l’enregistrement de cet import\u00a0; rien n’a été créé. Relancez l’import.',
  },
  usernames_taken: {
    en: (p) =>
      `${n(p, 'count')} ${plural(n(p, 'count'), 'username was', 'usernames were')} taken in the organization since the file was checked; nothing was created. Fix ${plural(n(p, 'count'), 'that row', 'those rows')} and commit again.`,
    fr: (p) =>
      `${n(p, 'count')} ${plural(n(p, 'count'), 'identifiant a été pris', 'identifiants ont été pris')} dans l’organisation depuis la vérification du fichier\u00a0; rien n’a été créé. Corrigez ${plural(n(p, 'count'), 'cette ligne', 'ces lignes')} et relancez l’import.`,
  },
  roles_incompatible: {
    en: (p) => `${n(p, 'count')} ${plural(n(p, 'count'), 'row names a role that is', 'rows name a role that is')} no longer compatible with their user type; upload the file again.`,
    fr: (p) => `${n(p, 'count')} ${plural(n(p, 'count'), 'ligne indique un rôle qui n’est', 'lignes indiquent un rôle qui n’est')} plus compatible avec leur type d’utilisateur\u00a0; chargez de nouveau le fichier.`,
  },
  passwords_changed: {
    en: () => 'Some passwords changed during the commit; nothing was created. Commit again.',
    fr: () => 'Des mots de passe ont changé pendant l’enregistrement\u00a0; rien n’a été créé. Relancez l’import.',
  },
  username_race: {
    en: () => 'A username was taken by another request during the commit; nothing was created. Commit again.',
    fr: () => 'Un identifiant a été pris par une autre demande pendant l’enregistrement\u00a0; rien n’a été créé. Relancez l’import.',
  },
  seats_exhausted: {
    en: () => 'There are not enough seats for this import; nothing was created.',
    fr: () => 'Il n’y a pas assez de places pour cet import\u00a0; rien n’a été créé.',
  },
  validation_failed: {
    en: () => 'The chosen licences, groups or categories are no longer valid; nothing was created. Check them and commit again.',
    fr: () => 'Les licences, groupes ou catégories choisis ne sont plus valables\u00a0; rien n’a été créé. Vérifiez-les et relancez l’import.',
  },
  commit_failed: {
    en: () => 'The import could not be committed; nothing was created. Try again.',
    fr: () => 'L’import n’a pas pu être enregistré\u00a0; rien n’a été créé. Réessayez.',
  },
};

/** Why a commit did not go through, in `lang`; `fallback` (English) for a code this version does not know. */
export function importErrorMessage(code: string, params: Params, lang: Language, fallback = ''): string {
  const t = jobErrors[code as ImportErrorCode];
  return t ? t[lang](params) : fallback;
}

/**
 * A seat or named-user shortfall (`errors[]` of a `seats_exhausted` problem, or an import's
 * `errorDetails`) in `lang`, from its code and params; its English message otherwise.
 */
export function capacityErrorMessage(error: { code?: string | undefined; message?: string | undefined; params?: Params | undefined }, lang: Language): string {
  return refusalMessage(error, lang);
}

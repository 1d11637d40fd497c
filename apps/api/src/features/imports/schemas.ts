import { z } from 'zod';
import { BatchMode, BatchProperties, CsvFormat, Language, csvFields } from '@sesame/contracts';

// The CSV import's request and response shapes (API.md "CSV import"). They live next to the
// feature until the web app needs them; then they move to packages/contracts unchanged.

export const ImportStatus = z.enum(['validating', 'validated', 'committing', 'committed', 'failed']);

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
  fileName: z.string().max(255).optional(),
});

export const ImportCounts = z.object({ total: z.number().int(), valid: z.number().int(), invalid: z.number().int() });

export const ImportIssue = z.object({
  /** The column concerned; null for the row as a whole. */
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const ImportFileIssue = z.object({
  code: z.string(),
  message: z.string(),
  columns: z.array(z.string()).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const ImportRowValues = z.partialRecord(z.enum(csvFields), z.string().max(1000));

export const ImportRow = z.object({
  rowNumber: z.number().int(),
  values: ImportRowValues,
  errors: z.array(ImportIssue),
  warnings: z.array(ImportIssue),
  /** The member created from this row, once the import is committed. */
  memberId: z.string().nullable(),
});

export const ImportCreated = z.object({ id: z.string(), status: ImportStatus, counts: ImportCounts });

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
  /** Why the last commit did not go through (the job can be committed again). */
  error: z.string().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  rows: z.array(ImportRow),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const ImportIdParams = z.object({ id: z.uuid() });
export const ImportRowParams = z.object({ id: z.uuid(), rowNumber: z.coerce.number().int().min(2) });

export const ImportGetQuery = z.object({
  limit: z.coerce.number().int().min(0).max(1000).default(100),
  /** The last row number of the previous page. */
  cursor: z.string().regex(/^\d+$/).optional(),
  /** `only`: rows with errors only. */
  errors: z.enum(['only', 'all']).default('all'),
  /** Language of the messages (English by default). */
  lang: Language.default('en'),
});

export const ImportRowPatch = z.object({ values: ImportRowValues });
export const ImportRowResult = z.object({ row: ImportRow, counts: ImportCounts });
export const ImportRowDeleted = z.object({ counts: ImportCounts });

export const ImportCommitBody = z
  .object({
    properties: BatchProperties.optional(),
    /** Custom message of the invitation emails (invite mode). */
    message: z.string().trim().max(2000).optional(),
  })
  .default({});

export const ImportErrorsQuery = z.object({ lang: Language.optional() });

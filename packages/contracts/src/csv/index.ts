// The CSV import library (docs/decisions/002-csv-import-rows.md): pure, for browser and API.
export {
  CsvFormat,
  csvFormats,
  csvFields,
  csvColumns,
  csvFormatFields,
  csvFieldMaxLength,
  CSV_VALUE_MAX,
  csvFieldRule,
  csvTemplateFields,
  csvColumnLabel,
  normalizeHeader,
  matchCsvHeader,
  type CsvField,
  type CsvDelimiter,
  type CsvColumn,
  type CsvFormatContext,
  type CsvFieldRule,
  type CsvHeaderMatch,
} from './formats.ts';
export {
  csvFileIssueCodes,
  csvRowIssueCodes,
  csvIssueMessage,
  type CsvFileIssueCode,
  type CsvRowIssueCode,
  type CsvIssueParams,
  type CsvIssue,
  type CsvFileIssue,
} from './messages.ts';
export { csvLookupsFrom, type CsvLookups, type CsvLookupEntry, type CsvRoleLookup, type CsvUserTypeLookup } from './lookups.ts';
export { createRowValidator, valuesToCells, type CsvValidatorOptions, type CsvRowValues, type CsvRowResult, type CsvRowValidator } from './validate.ts';
export { type CsvHeaderColumn, type CsvHeaderResult } from './header.ts';
export { parseIdentityType, type CsvResolved } from './values.ts';
export {
  parseCsvText,
  parseCsvBytes,
  parseCsvStream,
  createCsvStreamParser,
  detectDelimiter,
  hasBom,
  stripBom,
  type CsvParseOptions,
  type CsvCounts,
  type CsvParseSummary,
  type CsvParseResult,
  type CsvStreamParser,
} from './parse.ts';
export {
  createCsvDecoder,
  decodeWindows1252,
  findInvalidCharacter,
  removeInvalidCharacters,
  cutValue,
  type CsvDecoder,
  type CsvEncoding,
  type InvalidCharacter,
} from './text.ts';
export { csvTemplate, csvTemplateFileName, type CsvTemplateOptions } from './template.ts';
export {
  toCsv,
  errorReportCsv,
  neutraliseCell,
  unneutraliseCell,
  defaultDelimiter,
  UTF8_BOM,
  type ToCsvOptions,
  type ErrorReportRow,
} from './write.ts';

import Papa from 'papaparse';
import type { CsvDelimiter } from './formats.ts';
import { fileIssue, rowIssue, type CsvFileIssue } from './messages.ts';
import { createCsvDecoder, type CsvDecoder, type CsvEncoding } from './text.ts';
import type { CsvHeaderResult } from './header.ts';
import { createRowValidator, type CsvRowResult, type CsvValidatorOptions } from './validate.ts';

export interface CsvParseOptions extends CsvValidatorOptions {
  /** Forces the separator instead of detecting it. */
  delimiter?: CsvDelimiter;
  /** Stop with a `too_many_rows` file error past this many data rows (default: no limit). */
  maxRows?: number;
  /**
   * A record still open after this many characters (an unclosed quote) is cut there and
   * reported, so that one stray quote can't make the parser hold the rest of a big file.
   */
  maxRecordChars?: number;
}

export interface CsvCounts {
  /** Data rows read (blank rows excluded). */
  total: number;
  valid: number;
  invalid: number;
  /** Blank rows (every cell empty), skipped but counted in row numbers. */
  blank: number;
}

export interface CsvParseSummary {
  /** No file-level error: the rows can be used. */
  ok: boolean;
  delimiter: CsvDelimiter;
  /** The file started with a UTF-8 byte order mark. */
  bom: boolean;
  /** How the bytes were read ('utf-8' for text given as a string); see {@link createCsvDecoder}. */
  encoding: CsvEncoding;
  header: CsvHeaderResult | undefined;
  fileErrors: CsvFileIssue[];
  fileWarnings: CsvFileIssue[];
  counts: CsvCounts;
}

export interface CsvStreamParser {
  /** Feeds the next piece of text, cut anywhere; calls `onRow` for each complete record. */
  write(chunk: string): void;
  /** Flushes the last record and returns the summary. */
  end(): CsvParseSummary;
  /** Stops reading with a file error (the rows already handed over stay so; the summary is not ok). */
  abort(issue: CsvFileIssue): void;
}

const INITIAL_BUFFER = 64 * 1024;
const DEFAULT_MAX_RECORD_CHARS = 1_000_000;

export function hasBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

export function stripBom(text: string): string {
  return hasBom(text) ? text.slice(1) : text;
}

/** Scans the first record (quotes respected) and calls `visit` for each character outside quotes. */
function scanFirstRecord(text: string, visit: (ch: string, i: number) => boolean | void): void {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && visit(ch, i)) return;
  }
}

/**
 * Comma or semicolon, read from the header row: whichever appears more often outside quotes
 * (a header has at least two separators; its names never contain either). Ties → comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  scanFirstRecord(stripBom(text), (ch) => {
    if (ch === ',') commas++;
    else if (ch === ';') semicolons++;
    else if (ch === '\n' || ch === '\r') return true;
  });
  return semicolons > commas ? ';' : ',';
}

/**
 * '\r' for old Mac files whose records end with a lone CR; otherwise '\n', which also reads
 * CRLF files (the CR left on a record's last cell is dropped) and files mixing CRLF and LF.
 */
function detectLineBreak(text: string): '\n' | '\r' {
  let lineBreak: '\n' | '\r' = '\n';
  scanFirstRecord(text, (ch, i) => {
    if (ch === '\n') return true;
    if (ch === '\r') {
      if (i + 1 < text.length && text[i + 1] !== '\n') lineBreak = '\r';
      return true;
    }
  });
  return lineBreak;
}

/** Excel's optional first line "sep=;" names the separator; it is not a row. */
const SEP_LINE = /^sep=([,;])[^\S\r\n]*(\r\n|\n|\r)/i;

/**
 * Streaming parser + validator. papaparse's own `Parser` reads each piece of text with
 * `ignoreLastRow` until the end, so a record cut by a chunk boundary (even inside quotes, or
 * between CR and LF) is read again whole with the next chunk — the same technique as
 * papaparse's ChunkStreamer, but fed by the caller so it works with Node streams, web
 * streams and strings alike. Memory: one chunk plus one record, plus the validator's set of
 * usernames seen.
 */
export function createCsvStreamParser(
  options: CsvParseOptions,
  onRow: (row: CsvRowResult) => void,
  onHeader?: (header: CsvHeaderResult) => void,
): CsvStreamParser {
  const validator = createRowValidator(options);
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const counts: CsvCounts = { total: 0, valid: 0, invalid: 0, blank: 0 };
  const extraErrors: CsvFileIssue[] = [];
  let pending = '';
  let leftover = '';
  let started = false;
  let stopped = false;
  let bom = false;
  let delimiter: CsvDelimiter = options.delimiter ?? ',';
  let lineBreak: '\n' | '\r' = '\n';
  let recordNumber = 0;
  let parser: Papa.Parser | undefined;

  function onRecord(cells: string[], errors: readonly Papa.ParseError[]) {
    if (stopped) return;
    recordNumber++;
    if (lineBreak === '\n' && cells.length) {
      const last = cells.length - 1;
      const cell = cells[last];
      if (cell?.endsWith('\r')) cells[last] = cell.slice(0, -1);
    }
    if (cells.every((c) => c.trim() === '')) {
      if (validator.headerResult) counts.blank++;
      return;
    }
    if (!validator.headerResult) {
      const header = validator.header(cells);
      onHeader?.(header);
      if (!header.ok) stop();
      return;
    }
    if (options.maxRows !== undefined && counts.total >= options.maxRows) {
      extraErrors.push(fileIssue('too_many_rows', { max: options.maxRows }));
      return stop();
    }
    const row = validator.row(cells, recordNumber);
    const quoteError = errors.find((e) => e.type === 'Quotes');
    if (quoteError) {
      row.errors.unshift(rowIssue(null, 'malformed_row', { reason: quoteError.code === 'MissingQuotes' ? 'unclosed' : 'misplaced' }));
    }
    counts.total++;
    if (row.errors.length) counts.invalid++;
    else counts.valid++;
    onRow(row);
  }

  function stop() {
    stopped = true;
    parser?.abort();
    leftover = '';
  }

  function start(text: string): string {
    started = true;
    bom = hasBom(text);
    let body = stripBom(text);
    const sep = SEP_LINE.exec(body);
    if (sep) {
      body = body.slice(sep[0].length);
      delimiter = options.delimiter ?? (sep[1] as CsvDelimiter);
    } else {
      delimiter = options.delimiter ?? detectDelimiter(body);
    }
    lineBreak = detectLineBreak(body);
    parser = new Papa.Parser({
      delimiter,
      newline: lineBreak,
      quoteChar: '"',
      // The low-level Parser hands `step` its rows as an array (one row), unlike Papa.parse.
      step: (results: Papa.ParseStepResult<string[]>) => {
        const rows = results.data as unknown as string[][];
        for (const cells of rows) onRecord(cells, results.errors);
      },
    });
    return body;
  }

  function feed(text: string, final: boolean) {
    if (stopped) return;
    if (!parser) throw new Error('Internal error: the CSV parser was fed before it started');
    const input = leftover + text;
    const result = parser.parse(input, 0, true) as Papa.ParseResult<string[]>;
    if (stopped) return;
    leftover = input.slice(result.meta.cursor);
    // At the end, the last record has no line break after it; an empty rest is not a record
    // (a file ending with a line break has no empty last row).
    if ((final && leftover) || leftover.length > maxRecordChars) {
      const cut = leftover;
      leftover = '';
      parser.parse(cut, 0, false);
    }
  }

  return {
    write(chunk: string) {
      if (stopped || !chunk) return;
      if (!started) {
        pending += chunk;
        if (pending.length < INITIAL_BUFFER) return;
        const body = start(pending);
        pending = '';
        return feed(body, false);
      }
      feed(chunk, false);
    },
    end(): CsvParseSummary {
      if (!started) {
        const body = start(pending);
        pending = '';
        feed(body, true);
      } else {
        feed('', true);
      }
      const header = validator.headerResult;
      const fileErrors = header ? [...header.errors] : extraErrors.length ? [] : [fileIssue('empty_file')];
      fileErrors.push(...extraErrors);
      if (header?.ok && counts.total === 0) fileErrors.push(fileIssue('no_rows'));
      return { ok: fileErrors.length === 0, delimiter, bom, encoding: 'utf-8', header, fileErrors, fileWarnings: header?.warnings ?? [], counts };
    },
    abort(issue: CsvFileIssue) {
      if (!extraErrors.some((e) => e.code === issue.code)) extraErrors.push(issue);
      stop();
    },
  };
}

export interface CsvParseResult extends CsvParseSummary {
  rows: CsvRowResult[];
}

/** Parses and validates a whole file held in memory, as text. */
export function parseCsvText(text: string, options: CsvParseOptions): CsvParseResult {
  const rows: CsvRowResult[] = [];
  const parser = createCsvStreamParser(options, (row) => rows.push(row));
  parser.write(text);
  return { ...parser.end(), rows };
}

/** Feeds decoded bytes to the parser; stops it with `mixed_encoding` when the decoder finds two encodings. */
function writeDecoded(parser: CsvStreamParser, decoder: CsvDecoder, text: string) {
  if (decoder.mixed) parser.abort(fileIssue('mixed_encoding'));
  else parser.write(text);
}

/** The summary with what the decoder found: the Windows-1252 notice first among the remarks. */
function withEncoding(summary: CsvParseSummary, decoder: CsvDecoder): CsvParseSummary {
  if (decoder.encoding !== 'windows-1252') return summary;
  return { ...summary, encoding: 'windows-1252', fileWarnings: [fileIssue('read_as_windows_1252'), ...summary.fileWarnings] };
}

/**
 * Parses and validates a whole file held in memory as bytes (the browser's instant preview),
 * decoded exactly as the API decodes an upload (UTF-8, else Windows-1252).
 */
export function parseCsvBytes(bytes: Uint8Array, options: CsvParseOptions): CsvParseResult {
  const rows: CsvRowResult[] = [];
  const decoder = createCsvDecoder();
  const parser = createCsvStreamParser(options, (row) => rows.push(row));
  writeDecoded(parser, decoder, decoder.decode(bytes));
  writeDecoded(parser, decoder, decoder.end());
  return { ...withEncoding(parser.end(), decoder), rows };
}

type ChunkSource = AsyncIterable<string | Uint8Array> | ReadableStream<string | Uint8Array>;

async function* chunksOf(source: ChunkSource): AsyncGenerator<string | Uint8Array> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<string | Uint8Array>;
    return;
  }
  const reader = (source as ReadableStream<string | Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Parses a byte or text stream — a Node request (`AsyncIterable<Buffer>`), `file.stream()` in
 * the browser — decoding UTF-8 (else Windows-1252, see {@link createCsvDecoder}) across chunk
 * boundaries, and hands the rows over in batches, awaiting each batch (back-pressure: store
 * them, then the next chunk is read). After a file error the rest of the stream is still
 * read (and dropped), so that the sender gets an answer rather than a reset connection.
 */
export async function parseCsvStream(
  source: ChunkSource,
  options: CsvParseOptions & { batchSize?: number },
  handlers: { onHeader?: (header: CsvHeaderResult) => void | Promise<void>; onRows: (rows: CsvRowResult[]) => void | Promise<void> },
): Promise<CsvParseSummary> {
  const batchSize = options.batchSize ?? 1000;
  // The BOM is kept in the text, so that the summary can tell whether there was one.
  const decoder = createCsvDecoder();
  let batch: CsvRowResult[] = [];
  let header: CsvHeaderResult | undefined;
  const parser = createCsvStreamParser(
    options,
    (row) => batch.push(row),
    (h) => (header = h),
  );
  const flush = async () => {
    if (header && handlers.onHeader) {
      await handlers.onHeader(header);
      header = undefined;
    }
    while (batch.length) {
      const rows = batch.length > batchSize ? batch.splice(0, batchSize) : batch;
      if (rows === batch) batch = [];
      await handlers.onRows(rows);
    }
  };
  for await (const chunk of chunksOf(source)) {
    if (typeof chunk === 'string') parser.write(chunk);
    else writeDecoded(parser, decoder, decoder.decode(chunk));
    await flush();
  }
  writeDecoded(parser, decoder, decoder.end());
  const summary = withEncoding(parser.end(), decoder);
  await flush();
  return summary;
}

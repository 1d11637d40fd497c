import { CONTROL_CHARACTERS_BUT_LINE_BREAKS } from '../text.ts';

// Characters and bytes of a CSV file that must not reach the database as they are: control
// characters, over-long values, and bytes that are not UTF-8 (decision 002, "Reading the text").

/**
 * Characters refused in a cell or a header: the control characters every text of the API
 * refuses (../text.ts: C0 controls except tab, line feed and carriage return — whitespace that
 * quoted CSV values may legitimately carry —, DEL, C1 controls, which is what Windows-1252's
 * five undefined bytes decode to), and lone UTF-16 surrogates (which JSON bodies can carry and
 * PostgreSQL's jsonb refuses). NUL is one of them: PostgreSQL refuses it in text and jsonb alike.
 */
const INVALID = new RegExp(`[${CONTROL_CHARACTERS_BUT_LINE_BREAKS}]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`);
const INVALID_ALL = new RegExp(INVALID.source, 'g');
/** One character class, for the fast test of every cell (surrogates, paired or not, are rare). */
const SUSPECT = new RegExp(`[${CONTROL_CHARACTERS_BUT_LINE_BREAKS}\\uD800-\\uDFFF]`);

export interface InvalidCharacter {
  /** Position in the value (UTF-16 code units, as `String.length` counts). */
  index: number;
  /** The character's code point as "U+0000". */
  char: string;
}

/** The first refused character of `value` (see {@link INVALID}), or undefined. */
export function findInvalidCharacter(value: string): InvalidCharacter | undefined {
  if (!SUSPECT.test(value)) return undefined;
  const m = INVALID.exec(value);
  if (!m) return undefined;
  return { index: m.index, char: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
}

/** `value` without its refused characters. */
export function removeInvalidCharacters(value: string): string {
  return SUSPECT.test(value) && INVALID.test(value) ? value.replace(INVALID_ALL, '') : value;
}

/** The first `max` code units of `value`, one fewer rather than half of a surrogate pair. */
export function cutValue(value: string, max: number): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

export type CsvEncoding = 'utf-8' | 'windows-1252';

export interface CsvDecoder {
  /** Decodes the next bytes of the file, cut anywhere. Returns '' once {@link error} is set. */
  decode(bytes: Uint8Array): string;
  /** Decodes what is left (an unfinished sequence at the very end). */
  end(): string;
  /** How the file is read: decided by its first non-ASCII character. */
  readonly encoding: CsvEncoding;
  /** Set when a file read as UTF-8 turned out to hold bytes that are not UTF-8. */
  readonly mixed: boolean;
}

/**
 * What bytes 0x80–0x9F are in Windows-1252 (the WHATWG Encoding Standard's index; every other
 * byte is the code point of the same value). Not `TextDecoder('windows-1252')`: Node 20's
 * decodes these 32 bytes as Latin-1 (C1 controls), so "œ" (0x9C) or "’" (0x92) would be lost.
 */
/** An index the loop's bounds guarantee; reaching this is a bug. */
function outOfRange(index: number): never {
  throw new Error(`Internal error: index ${index} is out of range`);
}

const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Windows-1252 bytes as text (a single-byte encoding: no state across chunks). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const codes = new Array<number>(Math.min(bytes.length, 8192));
  for (let start = 0; start < bytes.length; start += 8192) {
    const end = Math.min(start + 8192, bytes.length);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const b = bytes[i] ?? outOfRange(i);
      codes[i - start] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? outOfRange(b)) : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Bytes of the UTF-8 sequence a lead byte starts; 0 for a byte no UTF-8 sequence starts with. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function isUtf8(sequence: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sequence);
    return true;
  } catch {
    return false;
  }
}

/**
 * A streaming decoder that reads UTF-8 (BOM kept in the text, see `hasBom`) or, when the
 * file's first non-ASCII character is not valid UTF-8, Windows-1252 — French Excel's
 * "CSV (séparateur: point-virgule)". Until the first byte ≥ 0x80 the text is ASCII, which both
 * encodings read alike, so the choice never needs the bytes already decoded: nothing is
 * buffered but the (at most 4) bytes of that first sequence. Neither decoder ever produces
 * U+FFFD: UTF-8 is decoded with `fatal`, and a file read as UTF-8 in which invalid bytes
 * come later (two encodings mixed) sets {@link CsvDecoder.mixed} and stops decoding.
 * Windows-1252 maps every byte (its five undefined ones to C1 controls, which the validator
 * refuses like any control character).
 */
export function createCsvDecoder(): CsvDecoder {
  let state: 'ascii' | CsvEncoding = 'ascii';
  let mixed = false;
  let held: Uint8Array | undefined;
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  function decodeIn(bytes: Uint8Array, stream: boolean): string {
    if (mixed) return '';
    if (state === 'windows-1252') return decodeWindows1252(bytes);
    try {
      return utf8.decode(bytes, { stream });
    } catch {
      mixed = true;
      return '';
    }
  }

  function join(a: Uint8Array | undefined, b: Uint8Array): Uint8Array {
    if (!a?.length) return b;
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  }

  return {
    decode(chunk) {
      if (state !== 'ascii') return decodeIn(chunk, true);
      const bytes = join(held, chunk);
      held = undefined;
      const first = bytes.findIndex((b) => b >= 0x80);
      if (first < 0) return decodeWindows1252(bytes);
      const length = sequenceLength(bytes[first] ?? outOfRange(first));
      if (length && bytes.length - first < length) {
        // The first non-ASCII sequence is cut by the chunk: decide with the next chunk.
        held = bytes.slice(first);
        return decodeWindows1252(bytes.subarray(0, first));
      }
      state = length && isUtf8(bytes.subarray(first, first + length)) ? 'utf-8' : 'windows-1252';
      return decodeIn(bytes, true);
    },
    end() {
      if (state === 'ascii') {
        // An unfinished sequence at the very end is not UTF-8.
        if (!held?.length) return '';
        state = 'windows-1252';
        const rest = held;
        held = undefined;
        return decodeIn(rest, false);
      }
      return decodeIn(new Uint8Array(0), false);
    },
    get encoding() {
      return state === 'windows-1252' ? 'windows-1252' : 'utf-8';
    },
    get mixed() {
      return mixed;
    },
  };
}

/**
 * Bytes to text. Inventories come out of Excel and other tools in several encodings, and a wrong
 * guess garbles names silently, so the encoding is detected from evidence, in this order:
 *
 * 1. a byte-order mark (UTF-8, UTF-16 LE/BE; Excel's "Unicode text" is UTF-16 LE with a BOM);
 * 2. bytes that are strictly valid UTF-8 are UTF-8 (plain ASCII included): valid UTF-8 is
 *    vanishingly unlikely by accident for text that has any accented letters;
 * 3. otherwise chardet's statistics, read conservatively (see pickLegacyEncoding).
 *
 * Binary files (a workbook saved as .xlsx, a PDF, anything with NUL bytes outside UTF-16) are
 * refused with a message that says what the file looks like, instead of producing garbage rows.
 *
 * Decoding is chunked so a 200 MB file never becomes one giant intermediate string: the parser is
 * fed UTF-8 Buffers (the original bytes, when the file already is UTF-8).
 */
import { Buffer, isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { InventoryFileError } from './errors';

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {});

export interface DetectedEncoding {
  /** An encoding name iconv-lite understands (lower-case). */
  name: EncodingName;
  /** Whether the file starts with a byte-order mark (it is not part of the text). */
  bom: boolean;
  /** What the decision rests on; `assumed` and `detected` deserve a warning to the user. */
  basis: 'bom' | 'valid_utf8' | 'utf16_pattern' | 'detected' | 'assumed' | 'override';
  /** For people: "UTF-8 with BOM", "UTF-16 LE", "Windows-1252". */
  label: string;
}

const BOMS: readonly { bytes: readonly number[]; name: EncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], name: 'utf-8' },
  { bytes: [0xff, 0xfe], name: 'utf-16le' },
  { bytes: [0xfe, 0xff], name: 'utf-16be' },
];

/** Signatures of files people pick by mistake, so the error can say what the file is. */
const MAGIC: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive, such as an Excel .xlsx workbook; save the sheet as CSV first' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old-style Office document such as an Excel .xls workbook; save the sheet as CSV first' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file; decompress it first' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'a SQLite database' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const LABELS: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

function describe(name: EncodingName, bom: boolean, basis: DetectedEncoding['basis']): DetectedEncoding {
  const base = LABELS[name] ?? name.toUpperCase();
  return { name, bom, basis, label: bom ? `${base} with BOM` : base };
}

/** Wraps any Uint8Array as a Buffer without copying. */
export const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * UTF-16 written without a BOM shows up as ASCII with a NUL in every other byte. Only a strong
 * pattern counts (most odd or even bytes NUL, almost none of the others), so that binary data with
 * scattered NULs is still refused.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.7 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.7 && oddNul < pairs * 0.02) return 'utf-16be';
  return null;
}

/** Encodings chardet may report for Western European text; their letters differ only in rare bytes. */
const WESTERN_SINGLE_BYTE = new Set([
  'iso-8859-1',
  'iso-8859-2',
  'iso-8859-9',
  'iso-8859-15',
  'windows-1250',
  'windows-1252',
  'windows-1254',
  'windows-1257',
  'windows-1258',
  'ascii',
]);

/**
 * chardet is unreliable on short files: a single "é" can come back as ISO-8859-2 or windows-1257.
 * Files that are not UTF-8 overwhelmingly come from Excel on a Western Windows machine, which
 * writes Windows-1252, so any Latin single-byte verdict is read as Windows-1252 (WHATWG does the
 * same for ISO-8859-1, which lacks €, ’ and “”). Only a confident non-Latin verdict (Cyrillic,
 * Greek, CJK, …) that iconv-lite can decode is taken as is. UTF-16/32 verdicts are ignored: those
 * are only trusted with a BOM or the NUL pattern above.
 */
function pickLegacyEncoding(sample: Uint8Array): DetectedEncoding {
  const matches = chardet.analyse(sample);
  const top = matches[0];
  const topName = top?.name.toLowerCase();
  if (
    top &&
    topName &&
    top.confidence >= 50 &&
    !WESTERN_SINGLE_BYTE.has(topName) &&
    !topName.startsWith('utf') &&
    iconv.encodingExists(topName)
  ) {
    return describe(topName, false, 'detected');
  }
  const latin = topName !== undefined && WESTERN_SINGLE_BYTE.has(topName);
  return describe('windows-1252', false, latin ? 'detected' : 'assumed');
}

/** How much of a file is looked at for chardet and for delimiter sniffing. */
export const SAMPLE_BYTES = 64 * 1024;

/**
 * Decides the encoding of a whole file. Throws InventoryFileError `binary_file` or
 * `unsupported_encoding`. An `override` (from the UI or CLI) wins over detection, but a matching
 * BOM is still recognised so it is not decoded as text.
 */
export function detectEncoding(bytes: Uint8Array, override?: string): DetectedEncoding {
  if (override !== undefined) {
    const name = override.trim().toLowerCase();
    if (name !== 'utf-8' && name !== 'utf8' && !iconv.encodingExists(name)) {
      throw new InventoryFileError('unsupported_encoding', `Unknown encoding ${JSON.stringify(override)}`);
    }
    const canonical = name === 'utf8' ? 'utf-8' : name;
    const bom = BOMS.some((b) => b.name === canonical && startsWith(bytes, b.bytes));
    return describe(canonical, bom, 'override');
  }
  for (const magic of MAGIC) {
    if (startsWith(bytes, magic.bytes)) {
      throw new InventoryFileError('binary_file', `This is not a CSV file: it looks like ${magic.what}.`);
    }
  }
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new InventoryFileError('unsupported_encoding', 'The file is UTF-32 encoded; save it as CSV UTF-8 and import again.');
  }
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) return describe(bom.name, true, 'bom');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return describe(utf16, false, 'utf16_pattern');
    throw new InventoryFileError(
      'binary_file',
      `This is not a text file: it contains a NUL byte at offset ${nul.toLocaleString('en-US')}. Choose the CSV export of the inventory.`,
    );
  }
  if (isUtf8(bytes)) return describe('utf-8', false, 'valid_utf8');
  return pickLegacyEncoding(bytes.subarray(0, SAMPLE_BYTES));
}

/** A warning for the preview when the encoding was a judgement call, else null. */
export function encodingWarning(enc: DetectedEncoding): string | null {
  if (enc.basis === 'detected' || enc.basis === 'assumed') {
    return `The file is not UTF-8; it was read as ${enc.label}. If accented letters or symbols look wrong, save it as "CSV UTF-8" and import again.`;
  }
  return null;
}

const bomLength = (enc: DetectedEncoding): number => (!enc.bom ? 0 : enc.name === 'utf-8' ? 3 : 2);

export interface Utf8Chunk {
  /** UTF-8 text to feed the parser. */
  chunk: Buffer;
  /** Input bytes consumed so far, for progress. */
  bytesDone: number;
}

function checkNoNul(text: string, enc: DetectedEncoding): void {
  const at = text.indexOf('\u0000');
  if (at !== -1) {
    throw new InventoryFileError('binary_file', `This is not a text file: decoded as ${enc.label} it contains a NUL character.`);
  }
}

/**
 * The file as UTF-8 chunks of about `chunkSize` input bytes, BOM removed. UTF-8 input is passed
 * through as zero-copy views (the parser handles characters split across chunks); other encodings
 * go through iconv-lite's streaming decoder, which also carries split characters over.
 */
export function* utf8Chunks(bytes: Uint8Array, enc: DetectedEncoding, chunkSize = 1 << 20): Generator<Utf8Chunk> {
  const buf = asBuffer(bytes);
  const start = bomLength(enc);
  if (enc.name === 'utf-8') {
    for (let pos = start; pos < buf.length; pos += chunkSize) {
      const end = Math.min(buf.length, pos + chunkSize);
      yield { chunk: buf.subarray(pos, end), bytesDone: end };
    }
    return;
  }
  // BOM already skipped by offset; stripBOM off so a U+FEFF inside the text is kept.
  const decoder = iconv.getDecoder(enc.name, { stripBOM: false });
  // A character outside the BMP can be split between chunks as two surrogate halves; encoding a
  // half on its own to UTF-8 would turn it into U+FFFD, so a trailing high surrogate waits for the next chunk.
  let carry = '';
  const take = (text: string, final: boolean): string => {
    let t = carry + text;
    carry = '';
    const last = t.charCodeAt(t.length - 1);
    if (!final && last >= 0xd800 && last <= 0xdbff) {
      carry = t.slice(-1);
      t = t.slice(0, -1);
    }
    checkNoNul(t, enc);
    return t;
  };
  for (let pos = start; pos < buf.length; pos += chunkSize) {
    const end = Math.min(buf.length, pos + chunkSize);
    const text = take(decoder.write(buf.subarray(pos, end)), false);
    yield { chunk: Buffer.from(text, 'utf8'), bytesDone: end };
  }
  const rest = take(decoder.end() ?? '', true);
  if (rest) yield { chunk: Buffer.from(rest, 'utf8'), bytesDone: buf.length };
}

/** Up to `maxBytes` of the file as text (for delimiter sniffing); may end mid-line. */
export function decodeSample(bytes: Uint8Array, enc: DetectedEncoding, maxBytes = SAMPLE_BYTES): string {
  const start = bomLength(enc);
  const slice = asBuffer(bytes).subarray(start, start + maxBytes);
  return enc.name === 'utf-8' ? slice.toString('utf8') : iconv.decode(slice, enc.name, { stripBOM: false });
}

/** The whole file as one string, with the encoding used. For small inputs and tests. */
export function decodeText(bytes: Uint8Array, override?: string): { text: string; encoding: DetectedEncoding } {
  const encoding = detectEncoding(bytes, override);
  const body = asBuffer(bytes).subarray(bomLength(encoding));
  const text = encoding.name === 'utf-8' ? body.toString('utf8') : iconv.decode(body, encoding.name, { stripBOM: false });
  checkNoNul(text, encoding);
  return { text, encoding };
}

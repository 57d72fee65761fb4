/**
 * Text to records, with csv-parse doing the RFC 4180 work (quotes, doubled quotes, delimiters and
 * line breaks inside quoted cells, CRLF/LF/CR).
 *
 * What this module adds around it:
 * - the delimiter is sniffed (`,` `;` tab `|`), respecting quotes, from the first records;
 * - every record knows the PHYSICAL line it starts on (line 1 is the file's first line), which is
 *   what a user finds in a text editor. csv-parse's own `info.lines` counts a CRLF inside a quoted
 *   cell as two lines, so lines are counted here instead: a record spans the line breaks inside
 *   its cells plus its own terminator (empty lines arrive as blank records and are counted too);
 * - the file is parsed in segments of about 1 MB, so a 200 MB file is never one string, progress
 *   is reported and the caller's event loop gets a turn between segments;
 * - csv-parse's failures become InventoryFileErrors with the line the broken record starts on.
 *
 * Why segments cut at record boundaries rather than csv-parse's stream API: fed a partial
 * buffer, csv-parse re-checks for every byte whether it needs more data, which measured 20–30%
 * slower on a 100,000-row file than parsing complete buffers. Here each segment ends at a line
 * break outside quotes, found by counting quote characters (RFC 4180 quoting keeps their count
 * even outside a quoted cell), and is parsed as a complete buffer. Quoting is strict, so a
 * quote that breaks the count is a reported error anyway; should a segment still end inside a
 * quote, that is detected and the rest of the file is parsed in one piece.
 */
import { CsvError, parse as parseSync, type Options as CsvParseOptions } from 'csv-parse/sync';
import { asBuffer, decodeSample, detectEncoding, SAMPLE_BYTES, utf8Chunks, type DetectedEncoding } from './decode';
import { InventoryFileError } from './errors';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type LineEnding = 'crlf' | 'lf' | 'cr' | 'none';

/** Any of the three line endings ends a record, so files edited on two systems still parse. */
const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

/** DOMAIN/issue limit: a single record over 1 MiB of text is refused (csv-parse counts bytes of UTF-8). */
export const MAX_RECORD_BYTES = 1024 * 1024;


/** The delimiter's name for messages and the import dialog. */
export const delimiterName = (d: Delimiter): string =>
  d === '\t' ? 'tab' : d === ',' ? 'comma' : d === ';' ? 'semicolon' : 'pipe';

export interface Sniffed {
  delimiter: Delimiter;
  lineEnding: LineEnding;
  /** Lines before the header, e.g. Excel's `sep=;` directive line. */
  skipLines: number;
}

const isDelimiter = (c: string): c is Delimiter => (DELIMITERS as readonly string[]).includes(c);

function sampleRecords(sample: string, delimiter: Delimiter, from_line: number): string[][] {
  const records: string[][] = [];
  try {
    parseSync(sample, {
      delimiter,
      from_line,
      to_line: from_line + 100,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: RECORD_DELIMITERS,
      // Sniffing only guesses; a quote problem is reported by the real parse, with its line.
      relax_quotes: true,
      on_record: (record: string[]) => {
        records.push(record);
        return null;
      },
    });
  } catch {
    // The sample may end inside a quoted cell; the records read before that are what matters.
  }
  return records;
}

/**
 * Picks the delimiter that splits the header into the most columns while keeping the data records
 * at the header's width; a quoted cell containing other candidates does not count because the
 * sample is parsed with csv-parse itself. Ties go to the order , ; tab |.
 */
export function sniffDelimiter(sample: string, override?: Delimiter, truncated = false): Sniffed {
  const firstBreak = /\r\n|\n|\r/.exec(sample);
  const lineEnding: LineEnding = !firstBreak ? 'none' : firstBreak[0] === '\r\n' ? 'crlf' : firstBreak[0] === '\n' ? 'lf' : 'cr';
  // Excel honours (and some locales write) a first line `sep=;` naming the delimiter.
  const directive = /^sep=(.)(?:\r\n|\n|\r|$)/i.exec(sample);
  const skipLines = directive ? 1 : 0;
  if (override) return { delimiter: override, lineEnding, skipLines };
  const named = directive?.[1];
  if (named !== undefined && isDelimiter(named)) return { delimiter: named, lineEnding, skipLines };

  let best: Delimiter = ',';
  let bestScore = [-1, 0];
  for (const d of DELIMITERS) {
    const records = sampleRecords(sample, d, skipLines + 1);
    // The last record of a sample cut from a larger file may be partial; leave it out of the count.
    if (truncated && records.length > 2) records.pop();
    const width = records[0]?.length ?? 0;
    if (width < 2) continue;
    const data = records.slice(1).filter((r) => r.some((c) => c.trim() !== ''));
    const consistent = data.length === 0 ? 1 : data.filter((r) => r.length === width).length / data.length;
    const score = [consistent, width];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = d;
      bestScore = score;
    }
  }
  return { delimiter: best, lineEnding, skipLines };
}

/** Physical line breaks in a cell; CRLF is one break. */
export function countLineBreaks(text: string): number {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (lf === -1 && cr === -1) return 0;
  let n = 0;
  for (let i = Math.min(lf === -1 ? cr : lf, cr === -1 ? lf : cr); i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

export interface CsvRecord {
  /** Cells as csv-parse returned them: quotes removed, everything else (spaces, line breaks) exact. */
  cells: string[];
  /** Physical line the record starts on (1-based; line 1 is the start of the file). */
  line: number;
  /** Physical line the record ends on (differs from `line` when a cell holds line breaks). */
  endLine: number;
  /**
   * The record's row number in a spreadsheet that opens the file (header = row 1, empty lines are
   * rows, a `sep=` line is not). Differs from `line` once a cell above held a line break.
   */
  row: number;
}

export interface ParseCsvOptions {
  /** Force an encoding instead of detecting it (an iconv-lite name). */
  encoding?: string;
  /** Force a delimiter instead of sniffing it. */
  delimiter?: Delimiter;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** Called once encoding and delimiter are known, before any record (so they can be reported even if parsing fails later). */
  onDetected?: (detected: CsvDetected) => void;
  signal?: AbortSignal;
  /** Input bytes per segment. */
  chunkSize?: number;
  maxRecordBytes?: number;
}

/** What was found out about the file before its records were read. */
export interface CsvDetected {
  encoding: DetectedEncoding;
  delimiter: Delimiter;
  lineEnding: LineEnding;
}

export interface ParsedCsv extends CsvDetected {
  /** Non-blank records, header included. */
  recordCount: number;
}

const isBlankRecord = (cells: string[]): boolean => cells.every((c) => c.trim() === '');

/** Lets other work (IPC, a progress bar) run between segments; setImmediate where Node has it. */
const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** The csv-parse error code (CSV_QUOTE_NOT_CLOSED, INVALID_OPENING_QUOTE, …), or undefined for any other error. */
const csvErrorCode = (e: unknown): string | undefined => (e instanceof CsvError ? e.code : undefined);

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Physical line breaks in a buffer (CRLF, LF and CR each count once), using native searches. */
export function countBufferLineBreaks(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(LF); i !== -1; i = buf.indexOf(LF, i + 1)) n++;
  for (let i = buf.indexOf(CR); i !== -1; i = buf.indexOf(CR, i + 1)) if (buf[i + 1] !== LF) n++;
  return n;
}

/**
 * Where the last complete record of `buf` ends: just after the last LF that lies outside quotes
 * (a file with CR-only line ends has none, and is parsed in one piece),
 * given whether `buf` starts inside a quoted cell. Returns -1 when there is none, and the quote
 * state at the end of `buf` either way (counted from its start).
 */
export function lastRecordBoundary(buf: Uint8Array, startsQuoted: boolean): { end: number; endsQuoted: boolean } {
  const b = asBuffer(buf);
  let quotes = 0;
  for (let i = b.indexOf(QUOTE); i !== -1; i = b.indexOf(QUOTE, i + 1)) quotes++;
  const endsQuoted = startsQuoted !== (quotes % 2 === 1);
  // Walk back from the end over line feeds; a line feed is outside quotes when the quotes after
  // it leave the state at the end unchanged (even count) and the end is outside, or vice versa.
  // Usually the last line feed already qualifies, so only the buffer's tail is scanned again.
  let after = 0;
  let from = b.length;
  for (let lf = b.lastIndexOf(LF, from - 1); lf !== -1; lf = b.lastIndexOf(LF, lf - 1)) {
    for (let q = b.indexOf(QUOTE, lf + 1); q !== -1 && q < from; q = b.indexOf(QUOTE, q + 1)) after++;
    from = lf + 1;
    const quotedHere = endsQuoted !== (after % 2 === 1);
    if (!quotedHere) return { end: lf + 1, endsQuoted };
    if (lf === 0) break;
  }
  return { end: -1, endsQuoted };
}

/** Joins buffers, as a view without copying when they are adjacent slices of one allocation. */
function join(parts: readonly Buffer[]): Buffer {
  if (parts.length === 1) return parts[0]!;
  const first = parts[0]!;
  let contiguous = true;
  let length = first.length;
  for (let i = 1; i < parts.length && contiguous; i++) {
    const p = parts[i]!;
    contiguous = p.buffer === first.buffer && p.byteOffset === first.byteOffset + length;
    length += p.length;
  }
  return contiguous ? Buffer.from(first.buffer, first.byteOffset, length) : Buffer.concat(parts);
}

/**
 * Reads `bytes` as CSV and hands every non-blank record (the header first) to `onRecord` in file
 * order. Throws InventoryFileError for a file that cannot be read as CSV; an error thrown by
 * `onRecord` stops the parse and is rethrown as is.
 */
export async function parseCsv(
  bytes: Uint8Array,
  onRecord: (record: CsvRecord) => void,
  options: ParseCsvOptions = {},
): Promise<ParsedCsv> {
  const total = bytes.length;
  const encoding = detectEncoding(bytes, options.encoding);
  const sample = decodeSample(bytes, encoding);
  if (sample.trim() === '' && total <= SAMPLE_BYTES) {
    throw new InventoryFileError('empty_file', 'The file is empty: there is no header row and no data.');
  }
  const sniffed = sniffDelimiter(sample, options.delimiter, total > SAMPLE_BYTES);
  options.onDetected?.({ encoding, delimiter: sniffed.delimiter, lineEnding: sniffed.lineEnding });
  const maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;

  // Line bookkeeping across segments: where the next record starts, and how many line breaks
  // inside cells came before it (a spreadsheet shows such a record on one row).
  let nextLine = sniffed.skipLines + 1;
  let breaksInCells = 0;
  let recordCount = 0;

  /**
   * Hands one record on with its lines. `singleLine`: the caller knows no cell of it holds a line
   * break. Returns the line breaks found inside its cells.
   */
  const deliver = (cells: string[], singleLine = false): number => {
    const line = nextLine;
    let breaks = 0;
    if (!singleLine) for (let i = 0; i < cells.length; i++) breaks += countLineBreaks(cells[i]!);
    const endLine = line + breaks;
    nextLine = endLine + 1;
    const row = line - breaksInCells - sniffed.skipLines;
    breaksInCells += breaks;
    if (!isBlankRecord(cells)) {
      recordCount++;
      onRecord({ cells, line, endLine, row });
    }
    return breaks;
  };

  let firstSegment = true;
  const csvOptions = (): CsvParseOptions => ({
    delimiter: sniffed.delimiter,
    from_line: firstSegment ? sniffed.skipLines + 1 : 1,
    record_delimiter: RECORD_DELIMITERS,
    // Strict RFC 4180 quoting. csv-parse's relax_quotes would accept `12" monitor`, but it also
    // lets a quote left open swallow the following rows into one cell until some later quote
    // "closes" it — silently merging workloads. A quote problem is a clear error with its line.
    relax_quotes: false,
    // Short rows read as blank cells; long ones are checked against the header by the caller.
    relax_column_count: true,
    // Empty lines come through as blank records so that every line is counted.
    skip_empty_lines: false,
    max_record_size: maxRecordBytes,
    bom: false,
  });

  /**
   * Parses one segment that should end at a record boundary (or is the end of the file). Returns
   * null when it did, or the unparsed tail when csv-parse ended inside a quote (the boundary was
   * wrong; the records before the tail have been delivered).
   */
  const parseSegment = (segment: Buffer, isLast: boolean): Buffer | null => {
    if (segment.length === 0) return null;
    let records: string[][];
    try {
      // Fast path: csv-parse collects the segment's records itself (no per-record callback).
      records = parseSync(segment, csvOptions()) as string[][];
    } catch (e) {
      if (csvErrorCode(e) === undefined) throw e;
      return parseFailedSegment(segment, isLast);
    }
    // Line breaks inside cells = all line breaks in the segment minus one per record (and minus a
    // skipped sep= line). Cells are only searched for them until that many have been found: in
    // most segments there are none, or a few near the top.
    const terminated = segment[segment.length - 1] === LF || segment[segment.length - 1] === CR;
    const skipped = firstSegment ? sniffed.skipLines : 0;
    let inCells = countBufferLineBreaks(segment) - (records.length - (terminated ? 0 : 1) + skipped);
    firstSegment = false;
    for (let i = 0; i < records.length; i++) inCells -= deliver(records[i]!, inCells <= 0);
    return null;
  };

  /**
   * Slow path for a segment csv-parse rejects: parse it again record by record, so the records
   * before the problem are delivered (and the line count is right), then report the problem or,
   * for a segment that merely ended inside a quote, hand back the unparsed tail.
   */
  const parseFailedSegment = (segment: Buffer, isLast: boolean): Buffer | null => {
    let consumed = 0;
    // csv-parse's own line count where the last good record ended (its numbering restarts per
    // segment and over-counts CRLF in cells, so it is only compared with itself).
    let csvLinesAtLastRecord = firstSegment ? sniffed.skipLines : 0;
    try {
      parseSync(segment, {
        ...csvOptions(),
        on_record: (cells: string[], info: { bytes: number; lines: number }) => {
          consumed = info.bytes;
          csvLinesAtLastRecord = info.lines;
          deliver(cells);
          return null;
        },
      });
      firstSegment = false;
      return null;
    } catch (e) {
      const code = csvErrorCode(e);
      if (code === undefined) throw e;
      firstSegment = false;
      const line = nextLine;
      const err = e as CsvError & { lines?: number; column?: number | string | null };
      const column = typeof err.column === 'number' ? ` (column ${err.column + 1})` : '';
      switch (code) {
        case 'CSV_QUOTE_NOT_CLOSED':
          // Cannot happen at a correct segment boundary; at a wrong one, hand the tail back.
          if (!isLast) return segment.subarray(consumed);
          throw new InventoryFileError(
            'unterminated_quote',
            `Line ${line}: a quoted cell in the record starting here is never closed; the quote runs to the end of the file. Add the closing " or remove the opening one.`,
            line,
          );
        case 'CSV_INVALID_CLOSING_QUOTE':
          // A quote left open runs over line breaks until the next quote, which then is not
          // followed by a delimiter: that is an unterminated quote, reported where it opened.
          if ((err.lines ?? 0) > csvLinesAtLastRecord + 1) {
            throw new InventoryFileError(
              'unterminated_quote',
              `Line ${line}: a quoted cell in the record starting here is not closed, so the quote runs on into the following lines. Add the closing " (and double any quote that is part of the text: "").`,
              line,
            );
          }
          throw new InventoryFileError(
            'bad_quote',
            `Line ${line}: text follows a closing quote${column}. Put the whole cell in quotes and double the quotes that are part of the text, e.g. "12"" monitor".`,
            line,
          );
        case 'INVALID_OPENING_QUOTE':
          throw new InventoryFileError(
            'bad_quote',
            `Line ${line}: a quote appears inside an unquoted cell${column}. Put the whole cell in quotes and double the quote, e.g. "12"" monitor".`,
            line,
          );
        case 'CSV_MAX_RECORD_SIZE':
          throw new InventoryFileError(
            'record_too_large',
            `Line ${line}: the record starting here is larger than ${(maxRecordBytes / (1024 * 1024)).toLocaleString('en-US')} MB. ` +
              'If no cell is really that long, a quote opened on or after this line is probably never closed.',
            line,
          );
        default:
          throw new InventoryFileError('malformed_csv', `Line ${line}: the CSV cannot be read (${err.message}).`, line);
      }
    }
  };

  let pending: Buffer[] = [];
  let pendingQuoted = false;
  let splitting = true;
  for (const { chunk, bytesDone } of utf8Chunks(bytes, encoding, options.chunkSize)) {
    if (options.signal?.aborted) throw new InventoryFileError('cancelled', 'The import was cancelled.');
    if (splitting) {
      const { end, endsQuoted } = lastRecordBoundary(chunk, pendingQuoted);
      if (end === -1) {
        pending.push(chunk);
        pendingQuoted = endsQuoted;
        continue;
      }
      const rest = chunk.subarray(end);
      const unparsed = parseSegment(join([...pending, chunk.subarray(0, end)]), false);
      if (unparsed === null) {
        pending = [rest];
        pendingQuoted = lastRecordBoundary(rest, false).endsQuoted;
      } else {
        // csv-parse saw a quote where the count did not: stop cutting and parse the rest whole.
        splitting = false;
        pending = [unparsed, rest];
      }
    } else {
      pending.push(chunk);
      continue;
    }
    options.onProgress?.(bytesDone, total);
    await yieldToEventLoop();
  }
  parseSegment(join(pending.length > 0 ? pending : [Buffer.alloc(0)]), true);

  if (recordCount === 0) {
    throw new InventoryFileError('empty_file', 'The file is empty: there is no header row and no data.');
  }
  options.onProgress?.(total, total);
  return { encoding, delimiter: sniffed.delimiter, lineEnding: sniffed.lineEnding, recordCount };
}

/**
 * Cell readers: one small parser per kind of column. Each takes the cell text exactly as it came
 * out of the CSV and returns either a value or an error code with a message that says what was
 * wrong and what would be accepted. Location (line, column) is added by validate.ts.
 *
 * Spreadsheets arrive from many offices, so the readers accept the labels people actually type
 * ("Intelligence Analysis", "TS/SCI", "Mission Critical", "2.5M") but never guess: anything not
 * recognised is an error the user sees, not a silent default.
 */
import {
  CAPABILITIES,
  CLASSIFICATIONS,
  CRITICALITIES,
  MISSION_AREAS,
  ROUTES,
  type Capability,
  type Classification,
  type Criticality,
  type MissionArea,
  type Route,
} from '../common/enums';
import { type RowErrorCode } from './errors';

export type ValueResult<T> = { ok: true; value: T } | { ok: false; code: RowErrorCode; message: string };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = <T>(code: RowErrorCode, message: string): ValueResult<T> => ({ ok: false, code, message });

/**
 * Cells that people write to mean "not known". In typed columns (numbers, enums, booleans, lists)
 * they read as unknown (null / []) rather than as an error; free-text columns keep them as text.
 */
export const UNKNOWN_MARKERS: ReadonlySet<string> = new Set(['n/a', 'na', 'unknown', 'tbd', 'tba', '-', '--', '?', 'none', 'null']);

const LONGEST_MARKER = Math.max(...[...UNKNOWN_MARKERS].map((m) => m.length));
/** First characters (lower-cased char codes) of the markers, to reject ordinary values in one comparison. */
const MARKER_STARTS = new Set([...UNKNOWN_MARKERS].map((m) => m.charCodeAt(0)));

/** True when a typed cell carries no value: blank, or one of the UNKNOWN_MARKERS. */
export function isUnknownCell(cell: string): boolean {
  // Runs for every typed cell of every row: most cells are rejected on their first character.
  if (cell === '') return true;
  const first = cell.charCodeAt(0);
  const edges = first <= 32 || cell.charCodeAt(cell.length - 1) <= 32;
  if (!edges && !MARKER_STARTS.has(first | 0x20)) return false;
  const t = edges ? cell.trim() : cell;
  return t === '' || (t.length <= LONGEST_MARKER && UNKNOWN_MARKERS.has(t.toLowerCase()));
}

/**
 * Caches a reader's results by cell text. Enum, boolean and list columns repeat a handful of
 * values across 100,000 rows, so this turns most cells into one map lookup. Bounded, so a column
 * of unique junk cannot grow it without limit; list values are copied out so rows never share an
 * array.
 */
function memoize<T>(read: (cell: string) => ValueResult<T>, limit = 4096): (cell: string) => ValueResult<T> {
  const cache = new Map<string, ValueResult<T>>();
  return (cell) => {
    let result = cache.get(cell);
    if (result === undefined) {
      result = read(cell);
      if (cache.size < limit) cache.set(cell, result);
    }
    return result.ok && Array.isArray(result.value) ? { ok: true, value: [...result.value] as T } : result;
  };
}

/** Lower-case, `&` spelled out, and any run of spaces, `_`, `-`, `.` or `/` as one `_`. */
export function normaliseLabel(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/&/g, '_and_')
    .replace(/[\s_\-./]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const quote = (s: string): string => JSON.stringify(s);
const listOf = (values: readonly string[]): string => values.join(', ');

/** Builds an enum reader from its canonical values plus accepted labels (already normalised). */
function enumReader<T extends string>(
  what: string,
  canonical: readonly T[],
  aliases: Readonly<Record<string, T>>,
): (cell: string) => ValueResult<T | null> {
  const table = new Map<string, T>();
  for (const v of canonical) table.set(normaliseLabel(v), v);
  for (const [label, v] of Object.entries(aliases)) table.set(normaliseLabel(label), v);
  return memoize((cell) => {
    if (isUnknownCell(cell)) return ok(null);
    const hit = table.get(normaliseLabel(cell));
    if (hit !== undefined) return ok(hit);
    return fail('unknown_enum', `${quote(cell.trim())} is not a known ${what}; use one of ${listOf(canonical)}`);
  });
}

export const readMissionArea = enumReader<MissionArea>('mission area', MISSION_AREAS, {
  'Intelligence': 'intelligence_analysis',
  'Intel': 'intelligence_analysis',
  'Intel Analysis': 'intelligence_analysis',
  'Modeling & Simulation': 'modeling_simulation',
  'Modelling & Simulation': 'modeling_simulation',
  'Modeling and Simulation': 'modeling_simulation',
  'Modelling and Simulation': 'modeling_simulation',
  'M&S': 'modeling_simulation',
  'Mod Sim': 'modeling_simulation',
  'ModSim': 'modeling_simulation',
  'Operations Planning': 'operations_planning',
  'Operational Planning': 'operations_planning',
  'Ops Planning': 'operations_planning',
  'Cyber Ops': 'cyber_operations',
  'Cyber': 'cyber_operations',
  'Cyberspace Operations': 'cyber_operations',
  'Business Administration': 'business_admin',
  'Business & Admin': 'business_admin',
  'Admin': 'business_admin',
  'Logistics & Sustainment': 'logistics',
  'Sustainment': 'logistics',
});

export const readRoute = enumReader<Route>('route', ROUTES, {
  'Direct': 'direct_api',
  'API': 'direct_api',
  'Vendor API': 'direct_api',
  'Bedrock': 'aws_bedrock',
  'Amazon Bedrock': 'aws_bedrock',
  'AWS Bedrock': 'aws_bedrock',
  'Azure OpenAI': 'azure',
  'Azure Government': 'azure',
  'Microsoft Azure': 'azure',
  'Vertex': 'google_vertex',
  'Vertex AI': 'google_vertex',
  'Google Vertex AI': 'google_vertex',
  'GCP Vertex': 'google_vertex',
  'Partner': 'partner_platform',
  'Partner Platform': 'partner_platform',
  'Self Hosted': 'self_hosted',
  'Self-hosted': 'self_hosted',
  'On Prem': 'self_hosted',
  'On-premises': 'self_hosted',
  'On Premise': 'self_hosted',
});

export const readCriticality = enumReader<Criticality>('criticality', CRITICALITIES, {
  'Mission Critical': 'critical',
  'Mission Essential': 'essential',
  'Mission Support': 'support',
  // DOMAIN.md: 1–4 accepted, 4 = critical (the scale runs least to most critical, like CRITICALITIES).
  '1': 'routine',
  '2': 'support',
  '3': 'essential',
  '4': 'critical',
});

/**
 * Classification markings. A banner line carries caveats after `//` ("SECRET//NOFORN",
 * "TS//SCI", "TOP SECRET//SCI//REL TO USA, FVEY"); only the level before the first `/` decides.
 * CONFIDENTIAL (C) has no level of its own here: it is handled on SECRET systems, so it is read
 * as secret, which is the conservative choice for eligibility.
 */
const CLASSIFICATION_MARKINGS: Readonly<Record<string, Classification>> = {
  u: 'unclassified',
  unclass: 'unclassified',
  unclassified: 'unclassified',
  cui: 'cui',
  controlled_unclassified_information: 'cui',
  fouo: 'cui',
  c: 'secret',
  confidential: 'secret',
  s: 'secret',
  secret: 'secret',
  ts: 'top_secret',
  top_secret: 'top_secret',
};

function readClassificationUncached(cell: string): ValueResult<Classification | null> {
  if (isUnknownCell(cell)) return ok(null);
  const raw = cell.trim();
  // Canonical values and their spellings ("top_secret", "Top Secret") first, then the level part of a marking.
  const whole = normaliseLabel(raw);
  const direct = (CLASSIFICATIONS as readonly string[]).includes(whole) ? (whole as Classification) : undefined;
  if (direct) return ok(direct);
  const [levelPart = '', ...caveats] = raw.split('/');
  const level = normaliseLabel(levelPart);
  const hit = CLASSIFICATION_MARKINGS[whole] ?? CLASSIFICATION_MARKINGS[level];
  // "U//FOUO" and "U//CUI" are unclassified but controlled: the CUI rules apply.
  const controlled = caveats.some((c) => ['fouo', 'cui'].includes(normaliseLabel(c)));
  if (hit === 'unclassified' && controlled) return ok('cui');
  if (hit) return ok(hit);
  return fail(
    'unknown_enum',
    `${quote(raw)} is not a known classification; use one of ${listOf(CLASSIFICATIONS)} or a marking such as U, CUI, S, SECRET, TS, TOP SECRET, TS/SCI`,
  );
}

/** Well-known spellings of provider names; anything else is slugified and kept (the set is open). */
const VENDOR_ALIASES: Readonly<Record<string, string>> = {
  open_ai: 'openai',
  anthropic_pbc: 'anthropic',
  google_deepmind: 'google',
  google_cloud: 'google',
  meta_ai: 'meta',
  mistral_ai: 'mistral',
  aws: 'amazon',
  amazon_web_services: 'amazon',
  x_ai: 'xai',
  xai_corp: 'xai',
};

/** Provider id: DOMAIN.md says case-insensitive, so "Anthropic" and "OpenAI" become anthropic, openai. */
function readVendorUncached(cell: string): ValueResult<string | null> {
  if (isUnknownCell(cell)) return ok(null);
  const key = normaliseLabel(cell);
  const alias = VENDOR_ALIASES[key];
  if (alias) return ok(alias);
  // Provider ids use `-` between words (e.g. "google-vertex" style slugs); spaces become `-`.
  const slug = cell.trim().toLowerCase().replace(/\s+/g, '-');
  if (/^[a-z0-9][a-z0-9_-]*$/.test(slug)) return ok(slug);
  return fail(
    'unknown_enum',
    `${quote(cell.trim())} is not a provider id; use a lower-case name such as anthropic, openai, google, xai, meta, mistral or amazon`,
  );
}

const MULTIPLIER_EXPONENT: Readonly<Record<string, number>> = { k: 3, m: 6, mm: 6, mn: 6, b: 9, bn: 9 };

/**
 * `1,250,000`, `2.5M`, `750k`, `1.2e6`, `1.2E+06` (how Excel writes large numbers), `.5`.
 * Commas are only accepted as thousands separators in groups of three: "1,5" could be a European
 * decimal comma and is refused rather than read as 15. Suffixes are applied by shifting the
 * exponent, not by multiplying: "1.005M" is exactly 1005000, where 1.005 * 1e6 is 1004999.9999999999.
 */
const NUMBER_PATTERN = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?)(?:e([+-]?\d+))?\s*(k|mm|mn|m|bn|b)?$/i;

export function parseNumberText(text: string, shiftExponent = 0): number | undefined {
  const fast = parseSimpleNumber(text, shiftExponent);
  if (fast !== undefined) return fast;
  const m = NUMBER_PATTERN.exec(text);
  if (!m) return undefined;
  const [, sign = '', body = '', exp = '0', suffix] = m;
  if (!/\d/.test(body)) return undefined;
  const exponent = Number(exp) + shiftExponent + (suffix ? (MULTIPLIER_EXPONENT[suffix.toLowerCase()] ?? 0) : 0);
  const value = Number(`${sign}${body.replace(/,/g, '')}e${exponent}`);
  return Number.isNaN(value) ? undefined : value;
}

/**
 * Fast path for the shapes most cells have — `1234`, `12.5`, `2.5M`, `750k` — without the regex;
 * same result as the general path. Anything else (commas, exponents, signs, spaces, `mm`/`bn`)
 * returns undefined and goes the general way.
 */
function parseSimpleNumber(text: string, shiftExponent: number): number | undefined {
  let end = text.length;
  let exponent = shiftExponent;
  const last = end > 0 ? text.charCodeAt(end - 1) | 0x20 : 0;
  if (last === 0x6b /* k */ || last === 0x6d /* m */ || last === 0x62 /* b */) {
    exponent += last === 0x6b ? 3 : last === 0x6d ? 6 : 9;
    end--;
  }
  if (end === 0) return undefined;
  let digits = 0;
  let dot = false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return undefined;
  }
  if (digits === 0) return undefined;
  const body = end === text.length ? text : text.slice(0, end);
  return exponent === 0 ? Number(body) : Number(`${body}e${exponent}`);
}

const NUMBER_HINT = 'write digits, optionally like 1,250,000, 2.5M, 750k or 1.2e6';

function readNumber(cell: string, wholeNumber: boolean): ValueResult<number | null> {
  if (isUnknownCell(cell)) return ok(null);
  const text = cell.trim();
  const value = parseNumberText(text);
  if (value === undefined) {
    const hint = /^\d+,\d{1,2}$/.test(text) ? "; use '.' for decimals" : '';
    return fail('bad_number', `${quote(text)} is not a number (${NUMBER_HINT})${hint}`);
  }
  if (!Number.isFinite(value)) return fail('bad_number', `${quote(text)} is too large`);
  if (value < 0) return fail('bad_number', `${quote(text)} is negative; expected 0 or more`);
  if (wholeNumber && !Number.isInteger(value)) return fail('bad_number', `${quote(text)} is not a whole number`);
  // `+ 0` turns a "-0" into 0 so it compares and prints as zero.
  return ok(value + 0);
}

/** Non-negative number, fractions allowed (volumes, hours, milliseconds). */
export const readAmount = (cell: string): ValueResult<number | null> => readNumber(cell, false);
/** Non-negative whole number (templates, schemas, eval cases, context tokens). */
export const readCount = (cell: string): ValueResult<number | null> => readNumber(cell, true);

/**
 * A share as 0..1, or as a percentage: "35%" and "35" both mean 0.35. A bare number up to 1 is a
 * fraction ("1" is everything, "0.5" half); above 1 it must be a percentage up to 100.
 */
export function readShare(cell: string): ValueResult<number | null> {
  if (isUnknownCell(cell)) return ok(null);
  const text = cell.trim();
  const percent = text.endsWith('%');
  const body = percent ? text.slice(0, -1).trim() : text;
  const n = parseNumberText(body);
  if (n === undefined || !Number.isFinite(n)) {
    return fail('bad_number', `${quote(text)} is not a share; write a fraction 0–1 (0.35) or a percentage (35%)`);
  }
  if (n < 0) return fail('bad_number', `${quote(text)} is negative; a share is 0–1 or 0–100%`);
  if (!percent && n <= 1) return ok(n + 0);
  if (n > 100) return fail('bad_number', `${quote(text)} is more than 100%`);
  // Shift the decimal point in the text (not n / 100) so 35 becomes exactly the double nearest 0.35.
  return ok((parseNumberText(body, -2) ?? n / 100) + 0);
}

const TRUE_WORDS: ReadonlySet<string> = new Set(['yes', 'y', 'true', 't', '1']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['no', 'n', 'false', 'f', '0']);

function readBooleanUncached(cell: string): ValueResult<boolean | null> {
  if (isUnknownCell(cell)) return ok(null);
  const word = cell.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail('bad_boolean', `${quote(cell.trim())} is not yes or no; use yes/no, true/false, y/n or 1/0`);
}

/**
 * Splits a `;`-separated list, trimming items and dropping empty ones ("a; ;b;" is [a, b]).
 * Duplicates are dropped too, keeping the first: a list names a set of things.
 * `alsoComma` lets vocabularies that can never contain a comma (capabilities, use tags) accept
 * "tool_use, vision" as people often write it; ids can contain commas, so depends_on cannot.
 */
export function splitList(cell: string, alsoComma = false): string[] {
  const separator = alsoComma && !cell.includes(';') ? /[;,]/ : ';';
  const out: string[] = [];
  // Lists are short, and a linear check is cheaper than a Set for a handful of items; a Set takes
  // over for long ones so a 10,000-character cell of tiny items stays linear.
  let seen: Set<string> | null = null;
  for (const part of cell.split(separator)) {
    const item = part.trim();
    if (item === '') continue;
    if (seen ? seen.has(item) : out.includes(item)) continue;
    out.push(item);
    if (seen) seen.add(item);
    else if (out.length > 16) seen = new Set(out);
  }
  return out;
}

const CAPABILITY_ALIASES: Readonly<Record<string, Capability>> = {
  tools: 'tool_use',
  function_calling: 'tool_use',
  functions: 'tool_use',
  json: 'structured_output',
  json_mode: 'structured_output',
  structured_outputs: 'structured_output',
  image: 'vision',
  images: 'vision',
  image_input: 'vision',
  multimodal: 'vision',
  long_context_window: 'long_context',
  coding: 'code',
  code_generation: 'code',
  finetuned: 'fine_tuned',
  fine_tune: 'fine_tuned',
  fine_tuning: 'fine_tuned',
  batch_api: 'batch',
  embedding: 'embeddings',
  extended_thinking: 'reasoning',
  thinking: 'reasoning',
  stream: 'streaming',
};
const CAPABILITY_TABLE = new Map<string, Capability>([
  ...CAPABILITIES.map((c) => [c, c] as const),
  ...Object.entries(CAPABILITY_ALIASES),
]);

/** Capabilities come back in CAPABILITIES order: they are a set, and a fixed order makes re-imports compare equal. */
function readCapabilitiesUncached(cell: string): ValueResult<Capability[]> {
  if (isUnknownCell(cell)) return ok([]);
  const found = new Set<Capability>();
  const bad: string[] = [];
  for (const item of splitList(cell, true)) {
    const hit = CAPABILITY_TABLE.get(normaliseLabel(item));
    if (hit) found.add(hit);
    else bad.push(item);
  }
  if (bad.length > 0) {
    return fail(
      'bad_list_item',
      `unknown ${bad.length === 1 ? 'capability' : 'capabilities'} ${bad.map(quote).join(', ')}; use ${listOf(CAPABILITIES)} separated by ';'`,
    );
  }
  return ok(CAPABILITIES.filter((c) => found.has(c)));
}

/** Use tags are open snake_case words; labels such as "Cyber Defense" are written as cyber_defense. */
function readUseTagsUncached(cell: string): ValueResult<string[]> {
  if (isUnknownCell(cell)) return ok([]);
  const out: string[] = [];
  const bad: string[] = [];
  for (const item of splitList(cell, true)) {
    // A tag already in snake_case is kept as written; labels ("Cyber Defense") are converted.
    const tag = /^[a-z0-9_]+$/.test(item) ? item : normaliseLabel(item);
    if (/^[a-z0-9_]+$/.test(tag)) {
      if (!out.includes(tag)) out.push(tag);
    } else bad.push(item);
  }
  if (bad.length > 0) {
    return fail(
      'bad_list_item',
      `use ${bad.length === 1 ? 'tag' : 'tags'} ${bad.map(quote).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a word of letters, digits and '_' (e.g. foreign_intelligence, cyber_defense); separate tags with ';'`,
    );
  }
  return ok(out);
}

/** Why an id cannot be used as a key, or null when it can. */
export function idProblem(id: string): string | null {
  if (id.includes(';')) return `${quote(id)} contains ';', which separates ids in depends_on lists`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(id)) return `${quote(id)} contains a line break or control character`;
  return null;
}

/**
 * depends_on: ids, each trimmed, duplicates dropped. Ids are text, so "N/A" here is an id (that
 * will be reported as unknown) rather than "no dependencies": dropping a real id silently would be worse.
 */
export function readIdList(cell: string, maxIdLength: number): ValueResult<string[]> {
  if (cell.trim() === '') return ok([]);
  const items = splitList(cell);
  const long = items.filter((i) => i.length > maxIdLength);
  if (long.length > 0) {
    return fail('too_long', `${long.length === 1 ? 'an id is' : `${long.length} ids are`} longer than ${maxIdLength} characters`);
  }
  const bad = items.filter((i) => idProblem(i) !== null);
  if (bad.length > 0) return fail('bad_list_item', `${bad.map((i) => idProblem(i)).join('; ')}`);
  return ok(items);
}

export const readClassification = memoize(readClassificationUncached);
export const readVendor = memoize(readVendorUncached);
export const readBoolean = memoize(readBooleanUncached);
export const readCapabilities = memoize(readCapabilitiesUncached);
export const readUseTags = memoize(readUseTagsUncached);

/**
 * fast-check generators of valid workloads full of the awkward text real spreadsheets hold, for
 * the round-trip properties (CSV export/import, database storage).
 */
import fc from 'fast-check';
import { CAPABILITIES, CLASSIFICATIONS, CRITICALITIES, MISSION_AREAS, ROUTES } from '../../core/common/enums';
import { CANONICAL_COLUMNS, type Workload } from '../../core/inventory/schema';
import { UNKNOWN_MARKERS } from '../../core/inventory/values';


const NASTY = ['"', '""', ',', ';', '\t', '|', '\n', '\r\n', '\r', '=', '=HYPERLINK("http://x","y")', '+1', '-1', '@A1', ' ', 'é', '’', '€', '🚀', 'Ω', '\u00a0', 'sep=;', 'N/A', '0', 'yes', '\uFEFF', '\\', "'"];
const piece = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme', maxLength: 6 }));
/** Text that is not blank (blank means unknown) and has no NUL (a NUL makes a file binary). */
const text = (maxParts = 5) =>
  fc
    .array(piece, { minLength: 1, maxLength: maxParts })
    .map((parts) => parts.join(''))
    .filter((s) => s.trim() !== '' && !s.includes('\u0000'));
const isMarker = (s: string): boolean => UNKNOWN_MARKERS.has(s.toLowerCase());
/** Ids: exact text, trimmed, without `;` or control characters (they are keys in depends_on lists). */
const id = text(3)
  // eslint-disable-next-line no-control-regex -- ids must not hold control characters, so the generator removes them
  .map((s) => s.replace(/[;\u0000-\u001f\u007f]/g, 'x').trim())
  .filter((s) => s !== '' && s.length <= 200);
const word = fc.stringMatching(/^[a-z0-9_]{1,12}$/).filter((s) => !isMarker(s));
const vendor = fc.oneof(
  fc.constantFrom('anthropic', 'openai', 'google', 'xai', 'meta', 'mistral', 'amazon', 'microsoft'),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/).filter((s) => !isMarker(s) && !['aws', 'open-ai', 'meta-ai', 'mistral-ai', 'x-ai'].includes(s)),
);
const amount = fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).map((n) => n + 0);
const count = fc.maxSafeNat();
const share = fc.double({ min: 0, max: 1, noNaN: true }).map((n) => n + 0);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const customKey = text(2)
  .map((s) => s.trim())
  .filter((s) => s !== '' && !s.includes('\uFEFF') && !(CANONICAL_COLUMNS as readonly string[]).includes(s) && s.length < 60);

/** Any valid workload, with the awkward text real spreadsheets hold. */
export const workload: fc.Arbitrary<Workload> = fc.record({
  id,
  name: text(),
  missionArea: fc.constantFrom(...MISSION_AREAS),
  vendor,
  model: maybe(text(2).map((s) => s.trim()).filter((s) => s !== '')),
  route: maybe(fc.constantFrom(...ROUTES)),
  platform: maybe(text()),
  classification: maybe(fc.constantFrom(...CLASSIFICATIONS)),
  criticality: maybe(fc.constantFrom(...CRITICALITIES)),
  monthlyRequests: maybe(amount),
  monthlyInputTokens: maybe(amount),
  monthlyOutputTokens: maybe(amount),
  cachedInputShare: maybe(share),
  capabilities: fc.subarray([...CAPABILITIES]),
  minContextTokens: maybe(count),
  promptTemplates: maybe(count),
  toolSchemas: maybe(count),
  evalCases: maybe(count),
  humanInLoop: maybe(fc.boolean()),
  useTags: fc.uniqueArray(word, { maxLength: 4 }),
  dependsOn: fc.uniqueArray(id, { maxLength: 3 }),
  owner: maybe(text()),
  notes: maybe(text(8)),
  maxDowntimeHours: maybe(amount),
  latencySloMs: maybe(amount),
  custom: fc.dictionary(customKey, text(), { maxKeys: 3 }),
});


/** An inventory: 1–6 workloads with distinct ids. */
export const arbitraryWorkloads = (maxLength = 6): fc.Arbitrary<Workload[]> =>
  fc.uniqueArray(workload, { selector: (x) => x.id, minLength: 1, maxLength });

/** Display words for the catalog view (the values themselves are DOMAIN.md's enums). */
import type { Provenance } from '../../../../core/catalog/schema';
import { label } from '../../format';

const CAPABILITY_LABELS: Record<string, string> = {
  tool_use: 'Tool use',
  vision: 'Vision',
  structured_output: 'Structured output',
  long_context: 'Long context',
  code: 'Code',
  fine_tuned: 'Fine-tuned',
  batch: 'Batch',
  embeddings: 'Embeddings',
  reasoning: 'Reasoning',
  streaming: 'Streaming',
};

export const capabilityLabel = (c: string): string => CAPABILITY_LABELS[c] ?? c;
export const tagLabel = (t: string): string => t.replace(/_/g, ' ');
export const classificationLabel = (c: string): string => label(c);

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
/** US dollars per million tokens: `$3.00`, `$0.0825`; `—` for none. */
export const formatPrice = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : usd.format(v));

/** One line saying where a fact comes from, as shown in tooltips. */
export function describeFact(f: Provenance): string {
  return `${f.confirmed ? 'Confirmed' : 'Unconfirmed'} · as of ${f.asOf} · ${f.source}${f.note ? `\n${f.note}` : ''}`;
}

const MISSION_SHORT: Record<string, string> = {
  intelligence_analysis: 'Intel',
  modeling_simulation: 'M&S',
  operations_planning: 'Ops',
  cyber_operations: 'Cyber',
  logistics: 'Logistics',
  business_admin: 'Admin',
  other: 'Other',
};
/** A short mission-area name for table cells. */
export const missionShort = (m: string): string => MISSION_SHORT[m] ?? m;

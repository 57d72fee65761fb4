/** Where a fact comes from: a confirmed / unconfirmed badge, its date and its source. */
import type { Provenance } from '../../../../core/catalog/schema';
import { describeFact } from './labels';

/** ✓ confirmed or ? unconfirmed, with the source and date on hover and for screen readers. */
export function FactBadge({ fact }: { fact: Provenance }) {
  const text = describeFact(fact);
  return (
    <span className={fact.confirmed ? 'fact-badge ok' : 'fact-badge unconfirmed'} title={text} aria-label={text} role="img">
      {fact.confirmed ? '✓' : '?'}
    </span>
  );
}

/** A compact line for table cells: badge and as-of date (source on hover). */
export function FactLine({ fact }: { fact: Provenance }) {
  return (
    <div className="fact-line">
      <FactBadge fact={fact} /> <span>{fact.asOf}</span>
    </div>
  );
}

/** The full provenance, shown under each field of the edit panel. */
export function FactMeta({ fact }: { fact: Provenance }) {
  return (
    <div className="fact-meta" data-testid="fact-meta">
      <span className={fact.confirmed ? 'pill ok' : 'pill unconfirmed'}>{fact.confirmed ? 'confirmed' : 'unconfirmed'}</span>{' '}
      <span className="fact-source">{fact.source}</span> · as of {fact.asOf}
      {fact.origin ? <span> · from {fact.origin.fileName}</span> : null}
      {fact.note ? <div className="fact-note">{fact.note}</div> : null}
    </div>
  );
}

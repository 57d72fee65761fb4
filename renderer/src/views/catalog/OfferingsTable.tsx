/** The offerings, one row each, with every shown value's provenance (badge and date; source on hover). */
import type { CatalogState } from '../../../../core/api/catalog';
import { PRICE_FIELDS, type Offering, type PriceField } from '../../../../core/catalog/schema';
import { formatCompact, label } from '../../format';
import { FactBadge, FactLine } from './Provenance';
import { MISSION_AREAS } from '../../../../core/common/enums';
import { capabilityLabel, describeFact, formatPrice, missionShort } from './labels';

const PRICE_TITLES: Record<PriceField, string> = { inputPerMTok: 'Input', outputPerMTok: 'Output', cachedInputPerMTok: 'Cached' };

function PriceCell({ offering, field, state }: { offering: Offering; field: PriceField; state: CatalogState }) {
  const e = state.effective[offering.id];
  const list = offering.listPrices[field];
  if (e?.basis[field] === 'contract') {
    return (
      <td className="num" data-testid={`price-${field}`}>
        <div>{formatPrice(e[field])}</div>
        <div className="fact-line">
          <span className="pill contract" title={`Contract price (${e.contract?.reference}), set ${e.contract?.setAt}. List price: ${formatPrice(list.value)}`}>
            contract
          </span>
        </div>
      </td>
    );
  }
  return (
    <td className="num" data-testid={`price-${field}`}>
      <div>{formatPrice(list.value)}</div>
      <FactLine fact={list} />
    </td>
  );
}

/** The rated mission areas (unrated ones are left out), each with its provenance on hover. */
function QualityCell({ offering }: { offering: Offering }) {
  const rated = MISSION_AREAS.filter((m) => offering.qualityByMission[m].value !== null);
  if (!rated.length) return <span className="muted small">unrated</span>;
  return (
    <div className="caps">
      {rated.map((m) => {
        const f = offering.qualityByMission[m];
        return (
          <span key={m} className="chip" title={`${m.replace(/_/g, ' ')}: ${f.value} — ${describeFact(f)}`}>
            {missionShort(m)} {f.value}
          </span>
        );
      })}
    </div>
  );
}

export function OfferingsTable({ offerings, state, onEdit }: { offerings: Offering[]; state: CatalogState; onEdit(id: string): void }) {
  const removable = new Set(state.removable);
  return (
    <div className="catalog-table">
      <table className="grid offerings" aria-label="Offerings">
        <thead>
          <tr>
            <th>Offering</th>
            <th>Route · region</th>
            <th>Authorized for</th>
            <th>Capabilities</th>
            <th title="Quality score per mission area, 0–100">Quality</th>
            <th className="num">Context</th>
            {PRICE_FIELDS.map((f) => (
              <th key={f} className="num" title="US dollars per million tokens">
                {PRICE_TITLES[f]} $/M
              </th>
            ))}
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {offerings.length === 0 ? (
            <tr>
              <td colSpan={10} className="table-empty">
                No offering matches these filters.
              </td>
            </tr>
          ) : null}
          {offerings.map((o) => {
            const a = o.authorization.value;
            return (
              <tr key={o.id} data-testid="offering-row" data-offering-id={o.id}>
                <td>
                  <div className="cell-title">
                    {o.displayName} {removable.has(o.id) ? <span className="pill added">added</span> : null}
                    {o.deprecationDate.value ? <span className="pill warn" title={`Deprecation date ${o.deprecationDate.value}`}>deprecates {o.deprecationDate.value}</span> : null}
                  </div>
                  <div className="mono muted">{o.id}</div>
                  <FactLine fact={o.listing} />
                </td>
                <td>
                  <div>{label(o.route)}</div>
                  <div className="small muted">{o.region}</div>
                </td>
                <td>
                  <div data-testid="auth-level">
                    <strong>{label(a.maxClassification)}</strong>
                    {a.impactLevel ? ` · ${a.impactLevel}` : ''}
                  </div>
                  {a.status === 'pending' ? (
                    <div className="small warn-text">pending{a.leadTimeDays !== null ? ` · ~${a.leadTimeDays} days` : ''}</div>
                  ) : null}
                  <FactLine fact={o.authorization} />
                </td>
                <td>
                  <div className="caps">
                    {o.capabilities.value.length ? o.capabilities.value.map((c) => <span key={c} className="chip">{capabilityLabel(c)}</span>) : <span className="muted">unknown</span>}
                  </div>
                  <FactLine fact={o.capabilities} />
                </td>
                <td data-testid="quality">
                  <QualityCell offering={o} />
                </td>
                <td className="num">
                  <div>{o.contextWindow.value === null ? '—' : formatCompact(o.contextWindow.value)}</div>
                  <div className="fact-line">
                    <FactBadge fact={o.contextWindow} />
                  </div>
                </td>
                {PRICE_FIELDS.map((f) => (
                  <PriceCell key={f} offering={o} field={f} state={state} />
                ))}
                <td>
                  <button type="button" className="small-button" aria-label={`Edit ${o.displayName}`} onClick={() => onEdit(o.id)}>
                    Edit
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

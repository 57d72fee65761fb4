/**
 * The offering editor: edit any field of an offering (each with its provenance shown), set its
 * contract price, remove it when the user added it — or add a new offering. Conversions and
 * checks live in the store (catalog-draft.ts) and core; this only lays the form out.
 */
import { useId, useState, type ReactNode } from 'react';
import type { CatalogState } from '../../../../core/api/catalog';
import type { Offering, Provenance } from '../../../../core/catalog/schema';
import {
  AUTHORIZATION_STATUSES,
  CAPABILITIES,
  CLASSIFICATIONS,
  FEDRAMP_LEVELS,
  IMPACT_LEVELS,
  MISSION_AREAS,
  ROUTES,
  type Capability,
} from '../../../../core/common/enums';
import { label } from '../../format';
import { useAppStore } from '../../store';
import { contractDraft, draftFromOffering, emptyDraft, type ContractDraft, type FieldError, type OfferingDraft } from '../../store/catalog-draft';
import { FactBadge, FactMeta } from './Provenance';
import { capabilityLabel, formatPrice } from './labels';

const NEW_PROVIDER = '__new';

interface FieldProps {
  id: string;
  label: ReactNode;
  /** The API's name for the field, to show its error here. */
  field: string;
  error: FieldError | null;
  fact?: Provenance | null | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

function Field({ id, label: text, field, error, fact, hint, children }: FieldProps) {
  const invalid = error?.field === field;
  const errorId = `${id}-error`;
  return (
    <div className={invalid ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{text}</label>
      {children({ id, 'aria-invalid': invalid, ...(invalid ? { 'aria-describedby': errorId } : {}) })}
      {hint ? <div className="small muted">{hint}</div> : null}
      {invalid ? (
        <div className="field-error" id={errorId}>
          {error.message}
        </div>
      ) : null}
      {fact ? <FactMeta fact={fact} /> : null}
    </div>
  );
}

function OfferingForm({ offering, state }: { offering: Offering | null; state: CatalogState }) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const error = useAppStore((s) => s.catalogEditorError);
  const busy = useAppStore((s) => s.catalogEditorBusy);
  const close = useAppStore((s) => s.closeOfferingEditor);
  const save = useAppStore((s) => s.saveOfferingDraft);
  const add = useAppStore((s) => s.addOfferingDraft);
  const remove = useAppStore((s) => s.removeUserOffering);
  const saveContract = useAppStore((s) => s.saveContractDraft);
  const removeContract = useAppStore((s) => s.removeContract);

  const providers = state.catalog.providers;
  const [draft, setDraft] = useState<OfferingDraft>(() => (offering ? draftFromOffering(offering) : emptyDraft(providers.find((p) => p.id === 'meta')?.id ?? providers[0]?.id ?? '')));
  const [newProvider, setNewProvider] = useState(false);
  const effective = offering ? state.effective[offering.id] : undefined;
  const [contract, setContract] = useState<ContractDraft>(() => contractDraft(effective));
  const [confirmRemove, setConfirmRemove] = useState(false);
  const set = <K extends keyof OfferingDraft>(key: K, value: OfferingDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setC = <K extends keyof ContractDraft>(key: K, value: ContractDraft[K]) => setContract((d) => ({ ...d, [key]: value }));
  const toggleCap = (c: Capability) => set('capabilities', draft.capabilities.includes(c) ? draft.capabilities.filter((x) => x !== c) : [...draft.capabilities, c]);
  const removable = offering ? state.removable.includes(offering.id) : false;

  const submit = async () => {
    const ok = offering ? await save(offering.id, draft) : await add(draft);
    if (ok) close();
  };

  const text = (name: keyof OfferingDraft & string, caption: string, field: string, fact?: Provenance | null, hint?: string, type = 'text') => (
    <Field id={id(name)} label={caption} field={field} error={error} fact={fact} {...(hint ? { hint } : {})}>
      {(p) => <input {...p} type={type} value={draft[name] as string} onChange={(e) => set(name, e.target.value as never)} />}
    </Field>
  );

  return (
    <div className="modal-backdrop">
      <div className="modal offering-modal" role="dialog" aria-modal="true" aria-labelledby={id('title')}>
        <header className="modal-header">
          <div>
            <h2 id={id('title')}>{offering ? `Edit ${offering.displayName}` : 'Add an offering'}</h2>
            {offering ? <div className="mono muted">{offering.id}</div> : null}
          </div>
          <button type="button" className="ghost" onClick={close} aria-label="Close the offering editor">
            ✕
          </button>
        </header>
        {error ? (
          <div className="error-banner dialog-error" role="alert">
            {error.message}
          </div>
        ) : null}
        <form
          className="modal-body offering-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {offering ? (
            <p className="muted small">
              What you change is recorded on that fact as a <strong>user edit</strong> with today’s date and your note; facts you leave alone keep their
              source.
            </p>
          ) : (
            <p className="muted small">
              For example a model self-hosted on your own accredited hardware. What you give is recorded as a user edit; what you leave empty stays
              unknown and unconfirmed.
            </p>
          )}

          <fieldset>
            <legend>Offering</legend>
            <div className="form-grid">
              {offering ? null : (
                <Field id={id('provider')} label="Provider" field="provider" error={error}>
                  {(p) => (
                    <select
                      {...p}
                      value={newProvider ? NEW_PROVIDER : draft.provider}
                      onChange={(e) => {
                        const isNew = e.target.value === NEW_PROVIDER;
                        setNewProvider(isNew);
                        set('provider', isNew ? '' : e.target.value);
                      }}
                    >
                      {providers.map((x) => (
                        <option key={x.id} value={x.id}>
                          {x.name}
                        </option>
                      ))}
                      <option value={NEW_PROVIDER}>Another provider…</option>
                    </select>
                  )}
                </Field>
              )}
              {!offering && newProvider ? (
                <>
                  {text('provider', 'New provider id', 'provider', null, 'lower-case, e.g. alibaba')}
                  {text('providerName', 'New provider name', 'providerName')}
                </>
              ) : null}
              {text('model', 'Model', 'model', null, offering ? 'Changing model, route or region drops the dataset price reference.' : 'as the API or the weights name it')}
              {text('displayName', 'Display name', 'displayName')}
              <Field id={id('route')} label="Route" field="route" error={error}>
                {(p) => (
                  <select {...p} value={draft.route} onChange={(e) => set('route', e.target.value as OfferingDraft['route'])}>
                    {ROUTES.map((r) => (
                      <option key={r} value={r}>
                        {label(r)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {text('region', 'Region', 'region', null, 'cloud region, enclave or platform')}
            </div>
            {offering ? <FactMeta fact={offering.listing} /> : null}
          </fieldset>

          <fieldset>
            <legend>Authorization</legend>
            <div className="form-grid">
              <Field id={id('maxClassification')} label="Highest classification" field="authorization.maxClassification" error={error}>
                {(p) => (
                  <select {...p} value={draft.maxClassification} onChange={(e) => set('maxClassification', e.target.value as OfferingDraft['maxClassification'])}>
                    {CLASSIFICATIONS.map((c) => (
                      <option key={c} value={c}>
                        {label(c)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={id('impactLevel')} label="Impact level" field="authorization.impactLevel" error={error}>
                {(p) => (
                  <select {...p} value={draft.impactLevel} onChange={(e) => set('impactLevel', e.target.value as OfferingDraft['impactLevel'])}>
                    <option value="">None</option>
                    {IMPACT_LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={id('fedramp')} label="FedRAMP" field="authorization.fedramp" error={error}>
                {(p) => (
                  <select {...p} value={draft.fedramp} onChange={(e) => set('fedramp', e.target.value as OfferingDraft['fedramp'])}>
                    <option value="">None</option>
                    {FEDRAMP_LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={id('status')} label="Status" field="authorization.status" error={error}>
                {(p) => (
                  <select {...p} value={draft.status} onChange={(e) => set('status', e.target.value as OfferingDraft['status'])}>
                    {AUTHORIZATION_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {s === 'pending' ? 'Pending' : 'Authorized'}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {text('leadTimeDays', 'Lead time (days, when pending)', 'authorization.leadTimeDays', null, undefined, 'text')}
              {text('basis', 'Basis (boundary or accreditation)', 'authorization.basis')}
            </div>
            {offering ? <FactMeta fact={offering.authorization} /> : null}
          </fieldset>

          <fieldset>
            <legend>Capabilities</legend>
            <div className={error?.field?.startsWith('capabilities') ? 'cap-grid invalid' : 'cap-grid'}>
              {CAPABILITIES.map((c) => (
                <label key={c} className="check">
                  <input type="checkbox" checked={draft.capabilities.includes(c)} onChange={() => toggleCap(c)} /> {capabilityLabel(c)}
                </label>
              ))}
            </div>
            {offering ? <FactMeta fact={offering.capabilities} /> : null}
          </fieldset>

          <fieldset>
            <legend>Limits and list prices (US dollars per million tokens)</legend>
            <div className="form-grid">
              {text('contextWindow', 'Context window (tokens)', 'contextWindow', offering?.contextWindow)}
              {text('maxOutputTokens', 'Maximum output (tokens)', 'maxOutputTokens', offering?.maxOutputTokens)}
              {text('inputPerMTok', 'Input price ($ per million tokens)', 'listPrices.inputPerMTok', offering?.listPrices.inputPerMTok)}
              {text('outputPerMTok', 'Output price ($ per million tokens)', 'listPrices.outputPerMTok', offering?.listPrices.outputPerMTok)}
              {text('cachedInputPerMTok', 'Cached input price ($ per million tokens)', 'listPrices.cachedInputPerMTok', offering?.listPrices.cachedInputPerMTok)}
            </div>
            <p className="small muted">Empty = unknown (or no per-token price). A later price refresh may replace list prices; negotiated prices belong in the contract price.</p>
          </fieldset>

          <fieldset>
            <legend>Quality by mission area (0–100; empty = unrated)</legend>
            <div className="form-grid quality-grid">
              {MISSION_AREAS.map((m) => (
                <Field
                  key={m}
                  id={id(`q-${m}`)}
                  label={
                    <>
                      <span className="visually-hidden">Quality: </span>
                      {label(m)}
                    </>
                  }
                  field={`qualityByMission.${m}`}
                  error={error}
                >
                  {(p) => (
                    <div className="with-badge">
                      <input {...p} type="text" inputMode="decimal" value={draft.quality[m]} onChange={(e) => set('quality', { ...draft.quality, [m]: e.target.value })} />
                      {offering ? <FactBadge fact={offering.qualityByMission[m]} /> : null}
                    </div>
                  )}
                </Field>
              ))}
            </div>
            {offering ? (
              <p className="small muted">
                Sources: {[...new Set(MISSION_AREAS.map((m) => `${offering.qualityByMission[m].source} (as of ${offering.qualityByMission[m].asOf})`))].join('; ')}
              </p>
            ) : null}
          </fieldset>

          <fieldset>
            <legend>Other facts</legend>
            <div className="form-grid">
              {text('tokenizerFactor', 'Tokenizer factor', 'tokenizerFactor', offering?.tokenizerFactor, `tokens for the same text relative to ${state.catalog.meta.tokenizerBaseline}`)}
              {text('deprecationDate', 'Deprecation date', 'deprecationDate', offering?.deprecationDate, undefined, 'date')}
              {text('license', 'Licence (open weights)', 'license', offering?.license ?? null)}
            </div>
          </fieldset>

          <Field id={id('note')} label="Note recorded with this change (source, document, reason)" field="note" error={error}>
            {(p) => <textarea {...p} rows={2} value={draft.note} onChange={(e) => set('note', e.target.value)} />}
          </Field>

          {offering ? (
            <fieldset className="contract">
              <legend>Contract price (negotiated; kept across price refreshes)</legend>
              <div className="form-grid">
                {(['inputPerMTok', 'outputPerMTok', 'cachedInputPerMTok'] as const).map((f) => (
                  <Field
                    key={f}
                    id={id(`c-${f}`)}
                    label={`Contract ${f === 'inputPerMTok' ? 'input' : f === 'outputPerMTok' ? 'output' : 'cached input'} price ($ per million tokens)`}
                    field={`contract.${f}`}
                    error={error}
                    hint={`list: ${formatPrice(offering.listPrices[f].value)}; empty = list price applies`}
                  >
                    {(p) => <input {...p} type="text" inputMode="decimal" value={contract[f]} onChange={(e) => setC(f, e.target.value)} />}
                  </Field>
                ))}
                <Field id={id('c-reference')} label="Contract reference" field="contract.reference" error={error} hint="contract or vehicle, e.g. GSA OneGov task order">
                  {(p) => <input {...p} type="text" value={contract.reference} onChange={(e) => setC('reference', e.target.value)} />}
                </Field>
                <Field id={id('c-note')} label="Contract note" field="contract.note" error={error}>
                  {(p) => <input {...p} type="text" value={contract.note} onChange={(e) => setC('note', e.target.value)} />}
                </Field>
              </div>
              {effective?.contract ? <p className="small muted">Set {effective.contract.setAt}.</p> : null}
              <div className="row-buttons">
                <button type="button" disabled={busy} onClick={() => void saveContract(offering.id, contract)}>
                  Save contract price
                </button>
                {effective?.contract ? (
                  <button type="button" disabled={busy} onClick={() => void removeContract(offering.id).then((ok) => ok && setContract(contractDraft(undefined)))}>
                    Remove contract price
                  </button>
                ) : null}
              </div>
            </fieldset>
          ) : null}
          {/* Enter in a field submits the form. */}
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </form>
        <footer className="modal-footer">
          {removable && offering ? (
            confirmRemove ? (
              <button type="button" className="danger" disabled={busy} onClick={() => void remove(offering.id).then((ok) => ok && close())}>
                Confirm: remove this offering
              </button>
            ) : (
              <button type="button" className="danger-outline" onClick={() => setConfirmRemove(true)}>
                Remove offering…
              </button>
            )
          ) : null}
          <span className="toolbar-gap" />
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>
            {offering ? 'Save changes' : 'Add offering'}
          </button>
        </footer>
      </div>
    </div>
  );
}

export function OfferingDialog() {
  const editor = useAppStore((s) => s.catalogEditor);
  const state = useAppStore((s) => s.catalogState);
  if (!editor || !state) return null;
  const offering = editor.mode === 'edit' ? (state.catalog.offerings.find((o) => o.id === editor.offeringId) ?? null) : null;
  if (editor.mode === 'edit' && !offering) return null;
  return <OfferingForm key={offering?.id ?? 'new'} offering={offering} state={state} />;
}

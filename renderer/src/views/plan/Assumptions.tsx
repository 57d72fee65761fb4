import type { Plan } from '../../../../core/planning/plan-schema';
import { formatMoney, formatWhole, label } from '../../format';
import { formatPercent, planLabel } from './plan-format';

type Row = [string, string];

const three = (t: { min: number; likely: number; max: number }, unit = ''): string =>
  `${formatWhole(t.min)} / ${formatWhole(t.likely)} / ${formatWhole(t.max)}${unit}`;
const list = (xs: string[]): string => (xs.length ? xs.join(', ') : 'none');

const EFFORT: Record<string, string> = {
  promptTemplateHours: 'Porting one prompt template',
  toolSchemaHours: 'Porting one tool schema',
  evalCaseHours: 'Building one evaluation case',
  integrationHours: 'Integration per workload',
  routeChangeHours: 'Route change (e.g. direct API → Bedrock)',
  parallelRunOversightHoursPerDay: 'Parallel-run oversight per day',
  contractOnboardingHours: 'Contract onboarding per new provider (shared)',
  contractLeadTimeDays: 'Contract lead time (days)',
  accreditationHours: 'Accreditation per offering and level (shared)',
  gatewayHours: 'Model gateway, once (shared)',
  unknownPromptTemplates: 'Prompt templates assumed when unknown',
  unknownToolSchemas: 'Tool schemas assumed when unknown',
  evalCaseThreshold: 'Evaluation cases needed before cut-over',
};

const VOLUME: Record<string, string> = {
  inputTokensPerRequest: 'Input tokens per request, when only requests are known',
  outputTokensPerRequest: 'Output tokens per request, when only requests are known',
  monthlyInputTokens: 'Monthly input tokens, when nothing is known',
  outputPerInputToken: 'Output per input token, when one side is known',
};

function rowsOf(plan: Plan): { title: string; rows: Row[] }[] {
  const s = plan.scenario;
  const isThree = (v: unknown): v is { min: number; likely: number; max: number } => typeof v === 'object' && v !== null && 'likely' in v;
  const effortRows: Row[] = Object.entries(s.effort).map(([k, v]) => [
    EFFORT[k] ?? k,
    isThree(v) ? three(v, k.endsWith('Days') ? ' days' : k.startsWith('unknown') ? '' : ' h') : formatWhole(v as number),
  ]);
  const volumeRows: Row[] = Object.entries(s.volumeAssumptions).map(([k, v]) => [VOLUME[k] ?? k, three(v)]);
  return [
    {
      title: 'Scenario',
      rows: [
        ['Name', s.name],
        ['Exit vendor', s.exitVendor],
        ['Candidate providers', list(s.candidateProviders)],
        ['Providers already under contract', list(s.contractedProviders)],
        ['Strategy', planLabel(s.strategy)],
        ['Diversification cap (share of critical workloads per provider)', s.strategy === 'diversified' ? formatPercent(s.diversificationCap) : `${formatPercent(s.diversificationCap)} (not used by this strategy)`],
        ['Start', s.startDate],
        ['Deadline', s.deadline],
        ['Blackout windows', s.blackouts.length ? s.blackouts.map((b) => `${b.start} → ${b.end} (${b.reason})`).join('; ') : 'none'],
        ['Catalog', `${plan.catalog.source}, as of ${plan.catalog.asOf}`],
      ],
    },
    {
      title: 'Capacity and phasing',
      rows: [
        ['Team engineer-hours a week', formatWhole(s.teamHoursPerWeek)],
        ['Engineer-hours a week one workload can absorb', formatWhole(s.maxHoursPerWorkloadPerWeek)],
        [
          'Parallel run, days by criticality',
          (['routine', 'support', 'essential', 'critical'] as const).map((c) => `${label(c)} ${s.parallelRunDays[c]}`).join(' · '),
        ],
        ['Rollback window after cut-over (days)', formatWhole(s.rollbackWindowDays)],
        ['Critical cut-overs in one week, at most', formatWhole(s.maxConcurrentCriticalCutovers)],
        ['Pilot wave size', formatWhole(s.pilotWaveSize)],
        ['Largest wave', formatWhole(s.maxWaveSize)],
      ],
    },
    {
      title: 'Cost and scoring',
      rows: [
        ['Loaded labour rate', `${formatMoney(s.loadedLaborRate)} an engineer-hour`],
        ['Scoring weights', `quality ${s.weights.quality} · cost ${s.weights.cost} · effort ${s.weights.effort} · risk ${s.weights.risk}`],
        ['Monte Carlo', `${formatWhole(s.iterations)} iterations, seed ${s.seed}`],
        [
          'Overrides',
          s.overrides.length
            ? s.overrides
                .map((o) => `${o.workloadId}: ${[o.exclude ? 'excluded' : '', o.pinOffering ? `pinned to ${o.pinOffering}` : '', o.wave !== undefined ? `wave ≥ ${o.wave}` : ''].filter(Boolean).join(', ')}`)
                .join('; ')
            : 'none',
        ],
      ],
    },
    { title: 'Effort drivers (min / likely / max)', rows: effortRows },
    { title: 'Volume assumptions for unknown usage (min / likely / max)', rows: volumeRows },
  ];
}

/** Every scenario parameter the plan rests on, as the plan echoes it. */
export function Assumptions({ plan }: { plan: Plan }) {
  return (
    <div className="panel" data-testid="assumptions">
      <h3>Assumptions</h3>
      <div className="assumption-groups">
        {rowsOf(plan).map((g) => (
          <table key={g.title} className="grid compact assumptions" aria-label={g.title}>
            <thead>
              <tr>
                <th colSpan={2}>{g.title}</th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map(([k, v]) => (
                <tr key={k}>
                  <td>{k}</td>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </div>
  );
}

export function Warnings({ plan }: { plan: Plan }) {
  return (
    <div className="panel" data-testid="plan-warnings">
      <h3>Warnings ({plan.warnings.length})</h3>
      {plan.warnings.length ? (
        <ul className="warnings" aria-label="Plan warnings">
          {plan.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">None.</p>
      )}
    </div>
  );
}

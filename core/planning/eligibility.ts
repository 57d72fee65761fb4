/**
 * Eligibility of each catalog offering for each workload: ready, conditional or not ready, with
 * every reason in words a program office can read and a machine code for each.
 *
 * Speed: 10,000 workloads × ~40 offerings. Offerings are prepared once (ranks, capability bit
 * masks, dates), and workloads are grouped by their eligibility-relevant signature
 * (classification, capabilities, context need, policy-relevant use tags, human in the loop), so
 * each distinct signature is checked against each offering once; a real inventory has a few
 * hundred signatures at most.
 */
import { prohibitedUseConflicts } from '../catalog/policy';
import type { Catalog, Offering, Provider } from '../catalog/schema';
import { CAPABILITIES, type Capability, CLASSIFICATIONS, classificationRank } from '../common/enums';
import { type Day, formatDay, parseDay } from './dates';
import { label, type PlannedWorkload } from './inventory';
import type { Scenario } from './scenario';

export const ELIGIBILITY_STATUSES = ['ready', 'conditional', 'not_ready'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

export const ELIGIBILITY_CODES = [
  'exited_vendor',
  'classification',
  'authorization_pending',
  'authorization_after_deadline',
  'authorization_lead_time_unknown',
  'capability_missing',
  'context_window_too_small',
  'context_window_unknown',
  'prohibited_use',
  'policy_exception',
  'deprecated',
] as const;
export type EligibilityCode = (typeof ELIGIBILITY_CODES)[number];

/** Codes that make an offering conditional (reachable) rather than not ready. */
const CONDITIONAL_CODES: ReadonlySet<EligibilityCode> = new Set(['authorization_pending', 'policy_exception']);

export interface Finding {
  code: EligibilityCode;
  /** Full sentence for this offering. */
  text: string;
  /** Short details counted when findings of many offerings are summarised (e.g. "authorized up to CUI", or one per missing capability). */
  details: string[];
}

export interface Verdict {
  status: EligibilityStatus;
  findings: Finding[];
  /** Conditional on a pending authorization: the day it is expected; else null. */
  authorizationDay: Day | null;
  /** Prohibitions relied on through the provider's documented exception (tag names). */
  policyExceptions: string[];
}

export interface PreparedOffering {
  index: number;
  offering: Offering;
  provider: Provider | null;
  exited: boolean;
  classRank: number;
  pending: boolean;
  leadTimeDays: number | null;
  capMask: number;
  contextWindow: number | null;
  deprecationDay: Day | null;
}

export interface EligibilityTable {
  offerings: PreparedOffering[];
  /** Signature index of each workload (every workload, in inventory order). */
  signatureOf: Int32Array;
  /** verdicts[signature][offering] */
  verdicts: Verdict[][];
  signatureCount: number;
}

const CAP_BIT = new Map<Capability, number>(CAPABILITIES.map((c, i) => [c, 1 << i]));
const capMask = (caps: readonly Capability[]): number => caps.reduce((m, c) => m | (CAP_BIT.get(c) ?? 0), 0);
const capsOf = (mask: number): Capability[] => CAPABILITIES.filter((_, i) => (mask & (1 << i)) !== 0);

export function prepareOfferings(catalog: Catalog, scenario: Scenario): PreparedOffering[] {
  const providers = new Map(catalog.providers.map((p) => [p.id, p]));
  return catalog.offerings.map((o, index) => {
    const a = o.authorization.value;
    return {
      index,
      offering: o,
      provider: providers.get(o.provider) ?? null,
      exited: o.provider === scenario.exitVendor,
      classRank: classificationRank(a.maxClassification),
      pending: a.status === 'pending',
      leadTimeDays: a.leadTimeDays,
      capMask: capMask(o.capabilities.value),
      contextWindow: o.contextWindow.value,
      deprecationDay: o.deprecationDate.value === null ? null : parseDay(o.deprecationDate.value),
    };
  });
}

interface Signature {
  classRank: number;
  capMask: number;
  minContext: number | null;
  useTags: string[];
  humanInLoop: boolean | null;
}

/** Evaluate every offering for every workload (grouped by signature). */
export function buildEligibility(
  workloads: readonly PlannedWorkload[],
  catalog: Catalog,
  scenario: Scenario,
  offerings: PreparedOffering[] = prepareOfferings(catalog, scenario),
): EligibilityTable {
  // Only use tags some provider's policy mentions can change a verdict.
  const policyTags = new Set<string>();
  for (const p of catalog.providers) for (const u of p.prohibitedUseTags) for (const t of u.appliesToTags) policyTags.add(t);

  const signatureIndex = new Map<string, number>();
  const signatures: Signature[] = [];
  const signatureOf = new Int32Array(workloads.length);
  workloads.forEach((pw, i) => {
    const w = pw.workload;
    const tags = [...new Set(w.useTags.map((t) => t.trim().toLowerCase()).filter((t) => policyTags.has(t)))].sort();
    const sig: Signature = {
      classRank: classificationRank(pw.classification),
      capMask: capMask(w.capabilities),
      minContext: w.minContextTokens,
      useTags: tags,
      humanInLoop: tags.length === 0 ? null : w.humanInLoop, // irrelevant without policy tags
    };
    const key = `${sig.classRank}|${sig.capMask}|${sig.minContext ?? ''}|${tags.join(',')}|${sig.humanInLoop}`;
    let s = signatureIndex.get(key);
    if (s === undefined) {
      s = signatures.length;
      signatureIndex.set(key, s);
      signatures.push(sig);
    }
    signatureOf[i] = s;
  });

  const ctx = { startDay: parseDay(scenario.startDate), deadlineDay: parseDay(scenario.deadline), scenario };
  const verdicts = signatures.map((sig) => {
    const policyCache = new Map<string, ReturnType<typeof prohibitedUseConflicts>>();
    return offerings.map((po) => {
      let conflicts: ReturnType<typeof prohibitedUseConflicts> = [];
      if (po.provider && sig.useTags.length > 0) {
        const cached = policyCache.get(po.provider.id);
        conflicts = cached ?? prohibitedUseConflicts(po.provider, { useTags: sig.useTags, humanInLoop: sig.humanInLoop });
        if (!cached) policyCache.set(po.provider.id, conflicts);
      }
      return judge(sig, po, conflicts, ctx);
    });
  });
  return { offerings, signatureOf, verdicts, signatureCount: signatures.length };
}

function judge(
  sig: Signature,
  po: PreparedOffering,
  conflicts: ReturnType<typeof prohibitedUseConflicts>,
  ctx: { startDay: Day; deadlineDay: Day; scenario: Scenario },
): Verdict {
  const findings: Finding[] = [];
  const o = po.offering;
  const a = o.authorization.value;
  let authorizationDay: Day | null = null;
  const deadline = ctx.scenario.deadline;

  if (po.exited) {
    findings.push({
      code: 'exited_vendor',
      text: `${o.displayName} is offered by ${o.provider}, the vendor being exited.`,
      details: [o.provider],
    });
  }

  // Classification. Unclassified work needs no authorization wait; anything above needs the
  // offering authorized at or above the workload's level — now, or (pending) before the deadline.
  const need = CLASSIFICATIONS[sig.classRank]!;
  if (po.classRank < sig.classRank) {
    findings.push({
      code: 'classification',
      text: `Not authorized for ${label(need)}: ${o.displayName} is authorized up to ${label(a.maxClassification)}${a.status === 'pending' ? ' (pending)' : ''}.`,
      details: [`authorized up to ${label(a.maxClassification)}`],
    });
  } else if (po.pending && sig.classRank > 0) {
    if (po.leadTimeDays === null) {
      findings.push({
        code: 'authorization_lead_time_unknown',
        text: `Authorization for ${label(need)} is pending (${a.basis}) with no stated lead time, so it cannot be counted on before the deadline ${deadline}.`,
        details: ['pending, lead time unknown'],
      });
    } else {
      const day = ctx.startDay + po.leadTimeDays;
      if (day > ctx.deadlineDay) {
        findings.push({
          code: 'authorization_after_deadline',
          text: `Authorization for ${label(need)} is pending (${a.basis}); expected ${formatDay(day)} (${po.leadTimeDays} days), after the deadline ${deadline}.`,
          details: [`pending until ${formatDay(day)}`],
        });
      } else {
        authorizationDay = day;
        findings.push({
          code: 'authorization_pending',
          text: `Conditional: authorization for ${label(need)} is pending (${a.basis}); expected ${formatDay(day)} (${po.leadTimeDays} days), before the deadline ${deadline}. Cut-over waits for it.`,
          details: [`pending until ${formatDay(day)}`],
        });
      }
    }
  }

  const missing = sig.capMask & ~po.capMask;
  if (missing !== 0) {
    const caps = capsOf(missing);
    findings.push({ code: 'capability_missing', text: `Missing required capabilities: ${caps.join(', ')}.`, details: caps });
  }

  if (sig.minContext !== null && sig.minContext > 0) {
    if (po.contextWindow === null) {
      findings.push({
        code: 'context_window_unknown',
        text: `Context window not stated; the workload needs ${fmtInt(sig.minContext)} tokens.`,
        details: ['not stated'],
      });
    } else if (po.contextWindow < sig.minContext) {
      findings.push({
        code: 'context_window_too_small',
        text: `Context window ${fmtInt(po.contextWindow)} tokens is below the ${fmtInt(sig.minContext)} the workload needs.`,
        details: [`${fmtInt(po.contextWindow)} tokens`],
      });
    }
  }

  const policyExceptions: string[] = [];
  for (const c of conflicts) {
    if (c.exception) {
      policyExceptions.push(c.prohibition.tag);
      findings.push({
        code: 'policy_exception',
        text: `Conditional: ${c.reason} The policy documents an exception (${c.exception}); written confirmation that it covers this use is planned in wave 0.`,
        details: [`${o.provider} (${c.prohibition.tag})`],
      });
    } else {
      findings.push({ code: 'prohibited_use', text: c.reason, details: [`${o.provider} (${c.prohibition.tag})`] });
    }
  }

  if (po.deprecationDay !== null && po.deprecationDay <= ctx.deadlineDay) {
    findings.push({
      code: 'deprecated',
      text: `Deprecated on ${formatDay(po.deprecationDay)}, on or before the deadline ${deadline}.`,
      details: [formatDay(po.deprecationDay)],
    });
  }

  const blocking = findings.some((f) => !CONDITIONAL_CODES.has(f.code));
  const status: EligibilityStatus = blocking ? 'not_ready' : findings.length > 0 ? 'conditional' : 'ready';
  return { status, findings, authorizationDay: blocking ? null : authorizationDay, policyExceptions: blocking ? [] : policyExceptions };
}

/** Thousands separators without locale data (identical output on every machine). */
export const fmtInt = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const CODE_SUMMARY: Record<EligibilityCode, string> = {
  exited_vendor: 'Offered by the exited vendor',
  classification: 'Not authorized for the classification',
  authorization_pending: 'Authorization pending (reachable before the deadline)',
  authorization_after_deadline: 'Authorization pending, expected after the deadline',
  authorization_lead_time_unknown: 'Authorization pending with no stated lead time',
  capability_missing: 'Missing required capabilities',
  context_window_too_small: 'Context window too small',
  context_window_unknown: 'Context window not stated',
  prohibited_use: 'Provider usage policy prohibits the use',
  policy_exception: 'Provider policy exception needs confirmation',
  deprecated: 'Deprecated before the deadline',
};

/**
 * Every reason no candidate offering can take a workload, one line per reason, counting the
 * offerings it applies to and, per distinct detail (a level authorized to, a missing capability),
 * how many offerings it applies to.
 */
export function summarizeNotReady(
  verdicts: readonly Verdict[],
  offeringIndices: readonly number[],
  context: { classificationNeeded: string; candidateCount: number },
): { reasons: string[]; codes: EligibilityCode[] } {
  if (offeringIndices.length === 0) {
    return { reasons: ['No candidate provider has an offering in the catalog.'], codes: [] };
  }
  const byCode = new Map<EligibilityCode, { count: number; details: Map<string, number> }>();
  for (const i of offeringIndices) {
    for (const f of verdicts[i]!.findings) {
      let e = byCode.get(f.code);
      if (!e) byCode.set(f.code, (e = { count: 0, details: new Map() }));
      e.count++;
      for (const d of f.details) e.details.set(d, (e.details.get(d) ?? 0) + 1);
    }
  }
  const n = offeringIndices.length;
  const codes = ELIGIBILITY_CODES.filter((c) => byCode.has(c));
  const reasons = codes.map((code) => {
    const e = byCode.get(code)!;
    // Most frequent first; ties in order of appearance (Map order is insertion order).
    const details = [...e.details.entries()].map(([d, k], i) => ({ d, k, i })).sort((a, b) => b.k - a.k || a.i - b.i);
    const shown = details
      .slice(0, 4)
      .map((x) => `${x.d}: ${x.k}`)
      .join('; ');
    const more = details.length > 4 ? `; and ${details.length - 4} more` : '';
    const head = code === 'classification' ? `${CODE_SUMMARY[code]} (${context.classificationNeeded})` : CODE_SUMMARY[code];
    return `${head}: ${e.count} of ${n} candidate offerings (${shown}${more}).`;
  });
  return { reasons, codes };
}

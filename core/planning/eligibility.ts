/**
 * Eligibility of each catalog offering for each workload: ready, conditional or not ready, with
 * every reason in words a program office can read and a machine code for each.
 *
 * Conditional = reachable, with a step the plan puts in wave 0: an authorization that is pending
 * and expected by the deadline (for work above UNCLASSIFIED), or a provider prohibition the
 * provider's policy documents an exception for (written confirmation needed — a prohibition
 * without a documented exception is not ready). What cannot be confirmed is not ready: a pending
 * authorization without a lead time, a context window the catalog does not state when the
 * workload needs one, an `unless_human_in_loop` prohibition when human-in-loop is unknown.
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
  /** A capability no offering in the catalog records: the catalog has no data, not a "no". */
  'capability_unrecorded',
  'context_window_too_small',
  'context_window_unknown',
  'prohibited_use',
  'policy_exception',
  'deprecated',
] as const;
export type EligibilityCode = (typeof ELIGIBILITY_CODES)[number];

/** Codes that make an offering conditional (reachable) rather than not ready. */
const CONDITIONAL_CODES: ReadonlySet<EligibilityCode> = new Set(['authorization_pending', 'policy_exception', 'capability_unrecorded']);

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
  // Capabilities the catalog records for no offering at all are unknowns, not absences: a
  // workload needing one is conditional on confirming it with the provider, never blocked by it.
  const recordedMask = offerings.reduce((m, o) => m | o.capMask, 0);
  const judge = makeJudge({ ...ctx, recordedMask });
  const verdicts = signatures.map((sig) => offerings.map((po) => judge(sig, po)));
  return { offerings, signatureOf, verdicts, signatureCount: signatures.length };
}

/** The verdict of an offering with nothing against it: one shared object (most verdicts). */
const READY: Verdict = Object.freeze({ status: 'ready', findings: Object.freeze([]) as unknown as Finding[], authorizationDay: null, policyExceptions: Object.freeze([]) as unknown as string[] });

/**
 * The judge, with each finding built once per distinct cause and shared by every verdict it
 * applies to: a 20,000-workload inventory has thousands of signatures × ~40 offerings, but only a
 * few hundred distinct sentences.
 */
function makeJudge(ctx: { startDay: Day; deadlineDay: Day; scenario: Scenario; recordedMask: number }): (sig: Signature, po: PreparedOffering) => Verdict {
  const deadline = ctx.scenario.deadline;
  const memo = new Map<string, Finding | null>();
  const once = (key: string, build: () => Finding | null): Finding | null => {
    if (memo.has(key)) return memo.get(key)!;
    const f = build();
    memo.set(key, f);
    return f;
  };
  const policyMemo = new Map<string, { findings: Finding[]; exceptions: string[] }>();

  // Classification. Unclassified work needs no authorization wait; anything above needs the
  // offering authorized at or above the workload's level — now, or (pending) before the deadline.
  const classification = (sig: Signature, po: PreparedOffering): Finding | null =>
    once(`c|${sig.classRank}|${po.index}`, () => {
      const o = po.offering;
      const a = o.authorization.value;
      const need = CLASSIFICATIONS[sig.classRank]!;
      if (po.classRank < sig.classRank) {
        return {
          code: 'classification',
          text: `Not authorized for ${label(need)}: ${o.displayName} is authorized up to ${label(a.maxClassification)}${a.status === 'pending' ? ' (pending)' : ''}.`,
          details: [`authorized up to ${label(a.maxClassification)}`],
        };
      }
      if (!po.pending || sig.classRank === 0) return null;
      if (po.leadTimeDays === null) {
        return {
          code: 'authorization_lead_time_unknown',
          text: `Authorization for ${label(need)} is pending (${a.basis}) with no stated lead time, so it cannot be counted on before the deadline ${deadline}.`,
          details: ['pending, lead time unknown'],
        };
      }
      const day = ctx.startDay + po.leadTimeDays;
      if (day > ctx.deadlineDay) {
        return {
          code: 'authorization_after_deadline',
          text: `Authorization for ${label(need)} is pending (${a.basis}); expected ${formatDay(day)} (${po.leadTimeDays} days), after the deadline ${deadline}.`,
          details: [`pending until ${formatDay(day)}`],
        };
      }
      return {
        code: 'authorization_pending',
        text: `Conditional: authorization for ${label(need)} is pending (${a.basis}); expected ${formatDay(day)} (${po.leadTimeDays} days), before the deadline ${deadline}. Cut-over waits for it.`,
        details: [`pending until ${formatDay(day)}`],
      };
    });

  const capabilities = (missing: number): Finding | null =>
    missing === 0
      ? null
      : once(`k|${missing}`, () => {
          const caps = capsOf(missing);
          return { code: 'capability_missing', text: `Missing required capabilities: ${caps.join(', ')}.`, details: caps };
        });
  const unrecorded = (missing: number): Finding | null =>
    missing === 0
      ? null
      : once(`u|${missing}`, () => {
          const caps = capsOf(missing);
          return {
            code: 'capability_unrecorded',
            text: `Conditional: the catalog records ${caps.join(', ')} for no offering; confirm with the provider before cut-over.`,
            details: caps,
          };
        });

  const context = (need: number | null, window: number | null): Finding | null => {
    if (need === null || need <= 0 || (window !== null && window >= need)) return null;
    return once(`x|${need}|${window}`, () =>
      window === null
        ? { code: 'context_window_unknown', text: `Context window not stated; the workload needs ${fmtInt(need)} tokens.`, details: ['not stated'] }
        : {
            code: 'context_window_too_small',
            text: `Context window ${fmtInt(window)} tokens is below the ${fmtInt(need)} the workload needs.`,
            details: [`${fmtInt(window)} tokens`],
          },
    );
  };

  const policy = (sig: Signature, po: PreparedOffering): { findings: Finding[]; exceptions: string[] } | null => {
    if (!po.provider || sig.useTags.length === 0) return null;
    const key = `${sig.useTags.join(',')}|${sig.humanInLoop}|${po.provider.id}`;
    let hit = policyMemo.get(key);
    if (!hit) {
      const provider = po.offering.provider;
      hit = { findings: [], exceptions: [] };
      for (const c of prohibitedUseConflicts(po.provider, { useTags: sig.useTags, humanInLoop: sig.humanInLoop })) {
        if (c.exception) {
          hit.exceptions.push(c.prohibition.tag);
          hit.findings.push({
            code: 'policy_exception',
            text: `Conditional: ${c.reason} The policy documents an exception (${c.exception}); written confirmation that it covers this use is planned in wave 0.`,
            details: [`${provider} (${c.prohibition.tag})`],
          });
        } else {
          hit.findings.push({ code: 'prohibited_use', text: c.reason, details: [`${provider} (${c.prohibition.tag})`] });
        }
      }
      policyMemo.set(key, hit);
    }
    return hit.findings.length > 0 ? hit : null;
  };

  const exited = (po: PreparedOffering): Finding | null =>
    !po.exited
      ? null
      : once(`e|${po.index}`, () => ({
          code: 'exited_vendor',
          text: `${po.offering.displayName} is offered by ${po.offering.provider}, the vendor being exited.`,
          details: [po.offering.provider],
        }));

  const deprecated = (po: PreparedOffering): Finding | null =>
    po.deprecationDay === null || po.deprecationDay > ctx.deadlineDay
      ? null
      : once(`d|${po.index}`, () => ({
          code: 'deprecated',
          text: `Deprecated on ${formatDay(po.deprecationDay!)}, on or before the deadline ${deadline}.`,
          details: [formatDay(po.deprecationDay!)],
        }));

  return (sig, po) => {
    const findings: Finding[] = [];
    const add = (f: Finding | null) => {
      if (f) findings.push(f);
    };
    add(exited(po));
    const cls = classification(sig, po);
    add(cls);
    const missing = sig.capMask & ~po.capMask;
    add(capabilities(missing & ctx.recordedMask));
    add(unrecorded(missing & ~ctx.recordedMask));
    add(context(sig.minContext, po.contextWindow));
    const pol = policy(sig, po);
    if (pol) findings.push(...pol.findings);
    add(deprecated(po));
    if (findings.length === 0) return READY;
    const blocking = findings.some((f) => !CONDITIONAL_CODES.has(f.code));
    if (blocking) return { status: 'not_ready', findings, authorizationDay: null, policyExceptions: [] };
    return {
      status: 'conditional',
      findings,
      authorizationDay: cls?.code === 'authorization_pending' ? ctx.startDay + po.leadTimeDays! : null,
      policyExceptions: pol ? pol.exceptions : [],
    };
  };
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
  capability_unrecorded: 'Capability not recorded in the catalog (needs confirming)',
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

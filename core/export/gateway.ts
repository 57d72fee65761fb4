/**
 * A LiteLLM proxy config for the cut-over: a starting point the team reviews, not a deployable
 * file. For each planned workload three model names:
 *
 *   bh-<id>            what the application calls: the new target, falling back to the current
 *                      model (router_settings.fallbacks) through the parallel run and rollback window;
 *   bh-<id>-candidate  the new target alone, no fallback — what evaluations call, so a failure of the
 *                      new model is never hidden by a silent fallback to the old one;
 *   bh-<id>-current    the current model, until its decommission date.
 *
 * Aliases are `bh-` + a slug of the workload id (unique within the file). Keys and endpoints are
 * `os.environ/NAME` references only. Workload names appear only in comments, made visible-safe.
 */
import type { YAMLMap, YAMLSeq } from 'yaml';
import type { Plan, PlanWorkload } from '../planning/plan-schema';
import type { ExportContext } from './context';
import { litellmDeployment } from './routes';
import { day, uniqueSlugs, visible } from './text';
import { commentLines, newYamlDocument, yamlText } from './yaml-text';

export interface GatewayAlias {
  workloadId: string;
  alias: string;
  candidate: string;
  /** Null when the plan does not know the workload's current offering. */
  current: string | null;
}

/** The aliases of every planned workload, in plan order: the same names in the gateway and evals files. */
export function gatewayAliases(plan: Plan): GatewayAlias[] {
  const planned = plan.workloads.filter((w) => w.status === 'planned' && w.target);
  const slugs = uniqueSlugs(planned.map((w) => w.id));
  return planned.map((w) => {
    const alias = `bh-${slugs.get(w.id)!}`;
    return { workloadId: w.id, alias, candidate: `${alias}-candidate`, current: w.runRate?.currentOffering ? `${alias}-current` : null };
  });
}

function planLine(plan: Plan, ctx: ExportContext): string {
  const s = plan.scenario;
  return [
    `${ctx.planId != null ? `Plan ${ctx.planId}` : 'Plan'} "${visible(s.name)}": exit ${s.exitVendor}, ${s.strategy}, ${s.startDate} → deadline ${s.deadline}`,
    ctx.createdAt ? `made ${ctx.createdAt.slice(0, 10)}` : null,
    ctx.generatedAt ? `exported ${ctx.generatedAt.slice(0, 10)}` : null,
  ]
    .filter(Boolean)
    .join('; ');
}

function workloadLine(w: PlanWorkload): string {
  const d = w.dates;
  return `${visible(w.id)} "${visible(w.name)}" (${w.criticality}): wave ${w.wave ?? '—'}; parallel run from ${day(d.parallelRunStart)}, cut-over ${day(d.cutover)}, decommission ${day(d.decommission)}`;
}

export function planToGatewayYaml(plan: Plan, ctx: ExportContext = {}): string {
  const byId = new Map(plan.workloads.map((w) => [w.id, w]));
  const aliases = gatewayAliases(plan);
  const env = new Set<string>();
  const notes = new Set<string>();
  const entries: { value: Record<string, unknown>; comment: string }[] = [];
  const fallbacks: Record<string, string[]>[] = [];
  const unknownCurrent: string[] = [];
  const unmapped: string[] = [];

  for (const a of aliases) {
    const w = byId.get(a.workloadId)!;
    const target = litellmDeployment(w.target!.offering);
    if (!target) {
      unmapped.push(w.id);
      continue;
    }
    target.env.forEach((e) => env.add(e));
    if (target.note) notes.add(target.note);
    entries.push({
      value: { model_name: a.alias, litellm_params: target.params },
      comment: commentLines([workloadLine(w), `→ ${w.target!.offering}`]),
    });
    entries.push({ value: { model_name: a.candidate, litellm_params: { ...target.params } }, comment: commentLines([`${visible(w.id)}: the new target alone (no fallback), for evaluations`]) });
    const currentId = w.runRate?.currentOffering ?? null;
    const current = currentId ? litellmDeployment(currentId) : null;
    if (a.current && current) {
      current.env.forEach((e) => env.add(e));
      if (current.note) notes.add(current.note);
      entries.push({
        value: { model_name: a.current, litellm_params: current.params },
        comment: commentLines([`${visible(w.id)}: the current model ${currentId}; remove after decommission ${day(w.dates.decommission)}`]),
      });
      fallbacks.push({ [a.alias]: [a.current] });
    } else {
      unknownCurrent.push(visible(w.id));
    }
  }

  const blocked = plan.workloads.filter((w) => w.status === 'blocked').length;
  const outOfScope = plan.workloads.filter((w) => w.status === 'out_of_scope').length;
  const header = [
    'Bridgehead gateway configuration for the LiteLLM proxy.',
    'A STARTING POINT TO REVIEW, not a finished config: check every model string, endpoint and name before use.',
    planLine(plan, ctx),
    '',
    'For each planned workload:',
    '  bh-<id>            what the application calls: the new target, falling back to the current model',
    '                     (router_settings.fallbacks) through the parallel run and the rollback window;',
    '  bh-<id>-candidate  the new target alone, no fallback: what evaluations and the parallel-run comparison call;',
    '  bh-<id>-current    the current model, while it stays available.',
    'After a workload is decommissioned, delete its fallback and its -current entry.',
    '',
    'No secret is written here: keys and endpoints are os.environ/NAME references. Set in the proxy environment:',
    ...[...env].sort().map((e) => `  ${e}`),
    '',
    'Check per route:',
    ...[...notes].map((n) => `  - ${n}`),
    '',
    `Routed: ${aliases.length - unmapped.length} planned workloads. Not routed: ${blocked} blocked (no eligible offering) and ${outOfScope} out of scope.`,
    unknownCurrent.length
      ? `No fallback for ${unknownCurrent.length} workloads whose current model the inventory does not name: ${unknownCurrent.slice(0, 20).join(', ')}${unknownCurrent.length > 20 ? ', …' : ''}. Add one by hand.`
      : 'Every routed workload has its current model as fallback.',
    ...(unmapped.length ? [`Skipped, offering id not understood: ${unmapped.map(visible).join(', ')}`] : []),
  ];

  const doc = newYamlDocument({
    model_list: entries.map((e) => e.value),
    router_settings: { fallbacks },
  });
  doc.commentBefore = commentLines(header);
  const list = doc.get('model_list', true) as YAMLSeq;
  list.items.forEach((item, i) => {
    (item as YAMLMap).commentBefore = entries[i]!.comment;
  });
  return yamlText(doc);
}

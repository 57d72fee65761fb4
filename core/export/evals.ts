/**
 * promptfoo evaluation configs comparing the current and the new model of each planned workload:
 * a starting point. One YAML document per workload in one file (documents separated by `---`);
 * each document is a complete promptfooconfig.yaml for that workload. The prompt and the tests
 * are placeholders marked `TODO(bridgehead)` for the team to replace with the workload's real
 * prompt template and evaluation cases — a run on the placeholders measures nothing.
 *
 * Both providers call the gateway (the `gateway` export): `litellm:bh-<id>-current` and
 * `litellm:bh-<id>-candidate`, the latter without fallback so a failing new model shows as a
 * failure. promptfoo's litellm provider reads LITELLM_BASE_URL and LITELLM_API_KEY.
 */
import type { Plan } from '../planning/plan-schema';
import type { ExportContext } from './context';
import { gatewayAliases } from './gateway';
import { day, visible } from './text';
import { commentLines, newYamlDocument, yamlText } from './yaml-text';

export const TODO = 'TODO(bridgehead)';

export function planToEvalsYaml(plan: Plan, ctx: ExportContext = {}): string {
  const byId = new Map(plan.workloads.map((w) => [w.id, w]));
  const aliases = gatewayAliases(plan);
  const s = plan.scenario;
  const header = [
    'Bridgehead evaluation configs for promptfoo: the current model against the new one, per planned workload.',
    'A STARTING POINT: the prompts and tests are placeholders marked TODO(bridgehead). Replace them with the',
    "workload's production prompt template and real evaluation cases before running; a run on placeholders measures nothing.",
    `${ctx.planId != null ? `Plan ${ctx.planId}` : 'Plan'} "${visible(s.name)}": exit ${s.exitVendor}; ${aliases.length} planned workloads, one YAML document each.`,
    '',
    'Each document is a whole promptfooconfig.yaml. Split them into one folder per workload, e.g. with mikefarah yq:',
    '  yq -s \'"evals-" + .tags.workloadSlug\' THIS_FILE.yaml      # writes evals-<slug>.yml per workload',
    'then run one with: promptfoo eval -c evals-<slug>.yml',
    '',
    'Providers call the gateway from the gateway export (LiteLLM proxy): set LITELLM_BASE_URL and LITELLM_API_KEY.',
    'bh-<id>-candidate has no fallback, so a failure of the new model shows as a failure, never as the old model answering.',
  ];
  if (aliases.length === 0) {
    const doc = newYamlDocument({ description: 'No planned workloads in this plan: nothing to evaluate.', providers: [], prompts: [], tests: [] });
    doc.commentBefore = commentLines(header);
    return yamlText(doc);
  }
  const docs = aliases.map((a, i) => {
    const w = byId.get(a.workloadId)!;
    const slug = a.alias.slice('bh-'.length);
    const cases = w.effortHours?.byDriver.eval_cases?.units ?? null;
    const providers: Record<string, unknown>[] = [];
    if (a.current) providers.push({ id: `litellm:${a.current}`, label: `current: ${w.runRate!.currentOffering!}` });
    providers.push({ id: `litellm:${a.candidate}`, label: `candidate: ${w.target!.offering}` });
    const doc = newYamlDocument({
      description: `${w.id} ${w.name}: current vs candidate model (Bridgehead parallel-run evaluation)`,
      tags: {
        workload: w.id,
        workloadSlug: slug,
        wave: w.wave === null ? '' : String(w.wave),
        parallelRunStart: w.dates.parallelRunStart ?? '',
        cutover: w.dates.cutover ?? '',
      },
      providers,
      prompts: [`${TODO}: replace with the production prompt template of ${w.id}; put {{input}} where the input goes.\n\n{{input}}`],
      tests: [
        {
          description: `${TODO}: a real case from the evaluation set of ${w.id}`,
          vars: { input: `${TODO}: a representative input` },
          assert: [{ type: 'llm-rubric', value: `${TODO}: what a correct answer must contain` }],
        },
      ],
    });
    const lines = [
      ...(i === 0 ? [...header, ''] : []),
      `──── ${visible(w.id)} "${visible(w.name)}" (${w.criticality}, wave ${w.wave ?? '—'}) — save as evals/${slug}/promptfooconfig.yaml`,
      `Parallel run ${day(w.dates.parallelRunStart)} → cut-over ${day(w.dates.cutover)}.`,
      cases !== null && cases > 0
        ? `The plan budgets building ${cases} evaluation cases for this workload (up to the threshold of ${s.effort.evalCaseThreshold}).`
        : `The plan assumes this workload already has at least ${s.effort.evalCaseThreshold} evaluation cases: use them as the tests.`,
      ...(a.current ? [] : ['The inventory does not name the current model: add it as a provider (and to the gateway) to compare.']),
      ...(w.rollbackCriterion ? [`Rollback criterion: ${visible(w.rollbackCriterion)}`] : []),
    ];
    doc.commentBefore = commentLines(lines);
    return yamlText(doc);
  });
  return docs.map((d, i) => (i === 0 ? d : `---\n${d}`)).join('');
}

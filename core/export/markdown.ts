/**
 * The briefing in Markdown (GitHub-flavoured tables): the same content as the HTML version, with
 * the charts as tables and a text Gantt. User text is escaped so a name cannot break a table row
 * (`|`, line breaks) or start markup (headings, lists, HTML, links).
 */
import type { Plan } from '../planning/plan-schema';
import { BRIEFING_BLOCKED_ROWS, buildBriefing, type Briefing } from './briefing';
import type { ExportContext } from './context';
import { clip, mdCell, mdText } from './escape';
import { classificationLabel, day, humanize, int, usd, visible } from './text';

function table(headers: string[], rows: (string | number | null)[][], numeric: ReadonlySet<number> = new Set()): string {
  const head = `| ${headers.map((h) => mdCell(h)).join(' | ')} |`;
  const rule = `| ${headers.map((_, i) => (numeric.has(i) ? '---:' : '---')).join(' | ')} |`;
  const body = rows.map((r) => `| ${r.map((c) => mdCell(c)).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** A text Gantt in a fenced block: one row a wave, 60 columns from the start to the last date. */
function textGantt(b: Briefing): string {
  const dayNum = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
  const t = b.plan.totals;
  const dates = [b.plan.scenario.startDate, b.plan.scenario.deadline, t.completion.p90, ...b.waves.flatMap((w) => [w.start, w.end])];
  const d0 = Math.min(...dates.map(dayNum));
  const d1 = Math.max(...dates.map(dayNum)) + 1;
  const cols = 60;
  const col = (iso: string) => Math.min(cols - 1, Math.max(0, Math.floor(((dayNum(iso) - d0) / (d1 - d0)) * cols)));
  const deadline = col(b.plan.scenario.deadline);
  const labelWidth = 30;
  // Labels are engine-made wave names, but stay defensive: no fence characters, nothing invisible.
  const label = (s: string) => clip(visible(s).replace(/[`~]/g, "'"), labelWidth).padEnd(labelWidth);
  const lines = b.waves.map((w) => {
    const a = col(w.start);
    const z = Math.max(a, col(w.end));
    const bar = Array.from({ length: cols }, (_, i) => (i >= a && i <= z ? '█' : i === deadline ? '|' : '·')).join('');
    return `${label(`Wave ${w.number} ${w.name}`)} ${bar}`;
  });
  const axis = `${''.padEnd(labelWidth)} ${day(new Date(d0 * 86_400_000).toISOString())}${''.padEnd(Math.max(1, cols - 22))}${day(new Date((d1 - 1) * 86_400_000).toISOString())}`;
  return ['```text', ...lines, axis, `${''.padEnd(labelWidth)} | = deadline ${day(b.plan.scenario.deadline)}`, '```'].join('\n');
}

export function briefingMarkdown(b: Briefing): string {
  const s = b.plan.scenario;
  const t = b.plan.totals;
  const out: string[] = [];
  out.push(`# ${mdText(b.title)}`, '');
  const meta = [
    b.planId !== null ? `Plan ${b.planId}` : null,
    `exit ${s.exitVendor}`,
    `strategy ${s.strategy}`,
    `start ${day(s.startDate)}`,
    `deadline ${day(s.deadline)}`,
    b.createdAt ? `plan made ${day(b.createdAt)}` : null,
    b.generatedAt ? `exported ${day(b.generatedAt)}` : null,
  ].filter((x): x is string => x !== null);
  out.push(`_${mdText(meta.join(' · '))}_`, '');
  if (b.highestClassification) {
    out.push(
      `> **Handling.** This briefing names workloads whose inventory classification goes up to ${mdText(b.highestClassification)}. Apply the marking your classification guide requires before you release it.`,
      '',
    );
  }

  out.push('## Headline figures', '');
  out.push(table(['Figure', 'Value', 'Detail'], b.headline.map((h) => [h.label, h.value, h.detail])), '');

  out.push('## Executive summary', '');
  for (const p of b.summary) out.push(mdText(p), '');
  for (const k of b.keyPoints) out.push(`- ${mdText(k)}`);
  if (b.keyPoints.length) out.push('');

  out.push('## Schedule', '', textGantt(b), '');
  out.push(
    table(
      ['Wave', 'Name', 'Start', 'End (last cut-over)', 'Workloads', 'Critical', 'One-time P50'],
      b.waves.map((w) => [
        w.number,
        w.name,
        day(w.start),
        day(w.end),
        w.number === 0 ? `${int(w.tasks.length)} tasks` : int(w.workloads),
        w.number === 0 ? '' : int(w.critical),
        usd(w.oneTimeP50),
      ]),
      new Set([0, 4, 5, 6]),
    ),
    '',
  );
  out.push(
    mdText(
      `Completion P50 ${day(t.completion.p50)} (P10–P90 ${day(t.completion.p10)} to ${day(t.completion.p90)}). One-time P50 per wave sums the workloads' own medians; wave 0 shows the shared work's likely cost. The plan total (${usd(t.oneTimeCost.p50)} P50) comes from the simulation.`,
    ),
    '',
  );
  const wave0 = b.waves.find((w) => w.number === 0);
  if (wave0 && wave0.tasks.length) {
    out.push('### Wave 0 tasks', '');
    out.push(
      table(
        ['Task', 'Start', 'End', 'Hours (likely)', 'Cost (likely)'],
        wave0.tasks.map((task) => [task.title, day(task.start), day(task.end), int(task.hours.likely), usd(task.cost.likely)]),
        new Set([3, 4]),
      ),
      '',
    );
  }

  out.push('## Cost', '');
  out.push(
    table(
      ['Figure', 'Low / P10', 'Likely / P50', 'High / P90'],
      [
        ['One-time cost (simulated)', usd(t.oneTimeCost.p10), usd(t.oneTimeCost.p50), usd(t.oneTimeCost.p90)],
        ['Shared wave-0 work', usd(t.sharedOneTimeCost.low), usd(t.sharedOneTimeCost.likely), usd(t.sharedOneTimeCost.high)],
        ['Engineering effort (hours)', int(t.effortHours.p10), int(t.effortHours.p50), int(t.effortHours.p90)],
      ],
      new Set([1, 2, 3]),
    ),
    '',
  );
  out.push(
    table(
      ['Monthly run-rate', 'USD a month'],
      [
        ['Today, all in-scope workloads', usd(t.monthlyCostBefore)],
        ['Today, planned workloads', usd(t.monthlyCostBeforePlanned)],
        ['After the move, planned workloads', usd(t.monthlyCostAfter) + (t.unpriced.after ? ` (+ ${int(t.unpriced.after)} unpriced)` : '')],
      ],
      new Set([1]),
    ),
    '',
  );
  out.push(
    table(
      ['Target provider', 'Planned', 'Critical', 'Monthly after'],
      [...t.byProvider].sort((a, c) => c.planned - a.planned).map((p) => [p.provider, int(p.planned), int(p.critical), usd(p.monthlyCostAfter)]),
      new Set([1, 2, 3]),
    ),
    '',
  );

  out.push('## Risk', '');
  const matrixRows = [5, 4, 3, 2, 1].map((l) => [`Likelihood ${l}`, ...[1, 2, 3, 4, 5].map((c) => b.riskMatrix[l - 1]![c - 1]! || '')]);
  out.push(table(['Register entries', 'C1', 'C2', 'C3', 'C4', 'C5'], matrixRows, new Set([1, 2, 3, 4, 5])), '');
  out.push(
    table(
      ['Category', 'High', 'Moderate', 'Low'],
      b.riskByCategory.map((r) => [humanize(r.category), r.high, r.moderate, r.low]),
      new Set([1, 2, 3]),
    ),
    '',
  );
  out.push('### Highest risks', '');
  out.push(
    table(
      ['Risk', 'Workload', 'Category', 'L×C', 'Level', 'Owner', 'Mitigation'],
      b.topRisks.map((r) => [
        r.id,
        r.workloadId ? `${r.workloadId}${r.workloadName !== null ? ` — ${r.workloadName}` : ''}` : 'programme',
        humanize(r.category),
        `${r.likelihood}×${r.consequence} = ${r.score}`,
        r.level,
        r.owner ?? '—',
        r.mitigation,
      ]),
    ),
    '',
  );

  out.push('## Blocked workloads', '');
  if (b.blocked.length === 0) {
    out.push('None: every in-scope workload has an eligible offering.', '');
  } else {
    out.push(mdText(`${int(b.blocked.length)} in-scope workloads have no eligible offering and stay on ${s.exitVendor} until one becomes eligible.`), '');
    out.push(table(['Reason', 'Workloads'], b.blockedByReason.map((r) => [r.label, int(r.count)]), new Set([1])), '');
    out.push(
      table(
        ['ID', 'Name', 'Classification', 'Criticality', 'Reasons'],
        b.blocked.slice(0, b.blockedShown).map((w) => [w.id, w.name, classificationLabel(w.classification), w.criticality, w.reasons.join('\n')]),
      ),
      '',
    );
    if (b.blocked.length > b.blockedShown) out.push(mdText(`The first ${int(BRIEFING_BLOCKED_ROWS)} of ${int(b.blocked.length)} are listed; the workbook and the CSV list all of them.`), '');
  }

  out.push('## Assumptions', '');
  out.push(table(['Group', 'Assumption', 'Value'], b.assumptions.map((a) => [a.group, a.label, a.value])), '');
  out.push(table(['Effort driver', 'Min', 'Likely', 'Max', 'Unit'], b.effortDrivers.map((d) => [d.label, d.min, d.likely, d.max, d.unit]), new Set([1, 2, 3])), '');
  if (b.warnings.length) {
    out.push('### Warnings from the planner', '');
    for (const w of b.warnings) out.push(`- ${mdText(w)}`);
    out.push('');
  }

  out.push('## Catalog and provenance', '');
  out.push(mdText(`Catalog: ${b.plan.catalog.source}, as of ${day(b.plan.catalog.asOf)}.`), '');
  out.push(
    mdText(
      b.catalogGiven
        ? 'Offering facts below are from the workspace catalog at export time; the plan was computed on the catalog named above. Prices are USD per million input / output tokens.'
        : 'No catalog was given to this export: only the offerings the plan names are listed.',
    ),
    '',
  );
  out.push(
    table(
      ['Offering', 'Used', 'Authorized to', 'Price in / out', 'Sources'],
      b.offerings.map((o) => {
        const f = o.facts;
        const use = [o.targetOf ? `target of ${int(o.targetOf)}` : null, o.currentOf ? `current for ${int(o.currentOf)}` : null, o.pricedFor ? `prices ${int(o.pricedFor)}` : null]
          .filter(Boolean)
          .join(', ');
        return [
          o.id,
          use,
          f ? classificationLabel(f.authorization.value.maxClassification) + (f.authorization.value.status === 'pending' ? ' (pending)' : '') : '—',
          f ? (f.prices.input === null ? 'no price' : `${usd(f.prices.input)} / ${usd(f.prices.output)}`) : '—',
          f
            ? `${f.prices.source} (${f.prices.asOf}${f.prices.confirmed ? '' : ', unconfirmed'}); authorization: ${f.authorization.source} (${f.authorization.asOf}${f.authorization.confirmed ? '' : ', unconfirmed'})`
            : 'not in the catalog given to this export',
        ];
      }),
    ),
    '',
  );
  out.push('---', '');
  out.push(
    mdText(
      `${b.generator ?? 'Bridgehead'} · plan JSON schemaVersion ${b.plan.schemaVersion} · scenario "${s.name}", seed ${s.seed}, ${int(s.iterations)} iterations. Figures are estimates with ranges, not commitments; the workbook lists every workload.`,
    ),
    '',
  );
  return out.join('\n');
}

export function planToMarkdown(plan: Plan, ctx: ExportContext = {}): string {
  return briefingMarkdown(buildBriefing(plan, ctx));
}

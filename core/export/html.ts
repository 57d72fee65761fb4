/**
 * The briefing as one self-contained, printable HTML file: inline CSS and SVG, no scripts, no
 * fonts, images or links to anything outside the file (a Content-Security-Policy says so to the
 * browser too), so it opens the same on an air-gapped machine. Print CSS: A4 and US Letter both
 * fit (content width 180 mm), sections start on a new page, tables repeat their header row.
 *
 * Every user string is escaped (`esc`); charts are built in svg.ts.
 */
import type { Plan } from '../planning/plan-schema';
import { BRIEFING_BLOCKED_ROWS, buildBriefing, type Briefing } from './briefing';
import type { ExportContext } from './context';
import { esc } from './escape';
import { costByWaveSvg, ganttSvg, providersSvg, riskCategoriesSvg, riskMatrixSvg, runRateSvg, COLORS } from './svg';
import { classificationLabel, day, humanize, int, usd } from './text';

export interface HtmlOptions {
  /** Paper the print CSS is written for; both fit either way, this only sets `@page size`. */
  paper?: 'a4' | 'letter' | null;
}

const CSS = `
:root { --ink: ${COLORS.ink}; --muted: ${COLORS.muted}; --rule: #d9dee5; --accent: ${COLORS.wave}; --soft: #f3f5f8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 190mm; padding: 10mm 6mm 16mm; color: var(--ink);
  font: 10pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 21pt; line-height: 1.15; margin: 2mm 0 2mm; }
h2 { font-size: 14pt; margin: 7mm 0 2.5mm; padding-bottom: 1.2mm; border-bottom: 2px solid var(--accent); break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2.4mm; }
.kicker { color: var(--muted); font-size: 9pt; letter-spacing: .04em; text-transform: uppercase; margin: 0; }
.meta { color: var(--muted); font-size: 9pt; }
.handling { border: 1px solid #e0b252; background: #fff8e6; padding: 2mm 3mm; font-size: 8.8pt; border-radius: 1.5mm; }
.summary p { font-size: 10pt; }
ul.key { margin: 2mm 0 0; padding-left: 5mm; }
ul.key li { margin-bottom: 1.2mm; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; break-inside: avoid; }
.card { background: var(--soft); border-radius: 1.5mm; padding: 2mm 2.6mm; border-top: 3px solid var(--accent); }
.card .label { font-size: 7.6pt; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.card .value { font-size: 13pt; font-weight: 700; margin: .6mm 0 .3mm; overflow-wrap: break-word; }
.card .detail { font-size: 8pt; color: var(--muted); }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
figcaption { font-size: 8.5pt; color: var(--muted); margin-top: 1mm; }
.two { display: grid; grid-template-columns: 1fr 1.25fr; gap: 6mm; align-items: start; break-inside: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 8.6pt; margin: 1mm 0 3mm; }
thead { display: table-header-group; }
th { text-align: left; background: var(--soft); font-weight: 600; border-bottom: 1.5px solid #b8c0cc; }
th, td { padding: 1.1mm 1.6mm; vertical-align: top; overflow-wrap: break-word; }
td { border-bottom: 1px solid var(--rule); }
tr { break-inside: avoid; }
table.narrow { width: auto; min-width: 50%; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
td.small { font-size: 8pt; }
td ul { margin: 0; padding-left: 4mm; }
.level { display: inline-block; padding: 0 1.5mm; border-radius: 1mm; font-size: 8pt; }
.level.high { background: ${COLORS.high}; } .level.moderate { background: ${COLORS.moderate}; } .level.low { background: ${COLORS.low}; }
.note { color: var(--muted); font-size: 8.6pt; }
.warnings li { margin-bottom: 1mm; }
footer { margin-top: 8mm; padding-top: 2mm; border-top: 1px solid var(--rule); color: var(--muted); font-size: 8pt; }
@media print {
  body { max-width: none; padding: 0; }
  section.page { break-before: page; }
  h2 { margin-top: 0; }
  section:not(.page) h2 { margin-top: 6mm; }
}
`;

function pageCss(paper: HtmlOptions['paper']): string {
  const size = paper === 'a4' ? 'A4' : paper === 'letter' ? 'letter' : null;
  return `@page { ${size ? `size: ${size}; ` : ''}margin: 14mm 14mm 16mm; }`;
}

const td = (text: string | number, cls = ''): string => `<td${cls ? ` class="${cls}"` : ''}>${esc(text)}</td>`;
const th = (text: string, cls = ''): string => `<th${cls ? ` class="${cls}"` : ''}>${esc(text)}</th>`;
const level = (l: string): string => `<span class="level ${esc(l)}">${esc(l)}</span>`;

function header(b: Briefing): string {
  const s = b.plan.scenario;
  const kicker = ['Bridgehead', b.planId !== null ? `Plan ${b.planId}` : null, `Exit ${s.exitVendor}`].filter(Boolean).join(' · ');
  const meta = [
    `Strategy ${s.strategy}`,
    `start ${day(s.startDate)}`,
    `deadline ${day(s.deadline)}`,
    b.createdAt ? `plan made ${day(b.createdAt)}` : null,
    b.generatedAt ? `exported ${day(b.generatedAt)}` : null,
  ].filter(Boolean);
  const handling = b.highestClassification
    ? `<p class="handling"><strong>Handling.</strong> This briefing names workloads whose inventory classification goes up to ${esc(b.highestClassification)}. Apply the marking your classification guide requires before you release it.</p>`
    : '';
  return `<header><p class="kicker">${esc(kicker)}</p><h1>${esc(b.title)}</h1><p class="meta">${esc(meta.join(' · '))}</p>${handling}</header>`;
}

function summary(b: Briefing): string {
  const points = b.keyPoints.length ? `<ul class="key">${b.keyPoints.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : '';
  return `<section class="summary" id="summary"><h2>Executive summary</h2>${b.summary.map((p) => `<p>${esc(p)}</p>`).join('')}${points}</section>`;
}

function figures(b: Briefing): string {
  const cards = b.headline
    .map((h) => `<div class="card"><div class="label">${esc(h.label)}</div><div class="value">${esc(h.value)}</div><div class="detail">${esc(h.detail)}</div></div>`)
    .join('');
  return `<section id="figures"><h2>Headline figures</h2><div class="cards">${cards}</div></section>`;
}

function schedule(b: Briefing): string {
  const rows = b.waves
    .map(
      (w) =>
        `<tr>${td(w.number, 'num')}${td(w.name)}${td(day(w.start), 'nowrap')}${td(day(w.end), 'nowrap')}${td(w.number === 0 ? `${int(w.tasks.length)} tasks` : int(w.workloads), 'num')}${td(w.number === 0 ? '' : int(w.critical), 'num')}${td(usd(w.oneTimeP50), 'num')}</tr>`,
    )
    .join('');
  const t = b.plan.totals;
  return (
    `<section class="page" id="schedule"><h2>Schedule</h2>` +
    `<figure>${ganttSvg(b)}<figcaption>Each wave from its first migration start to its last cut-over; wave 0 until its last task is done. Completion P50 ${esc(day(t.completion.p50))}; ` +
    `P10–P90 ${esc(day(t.completion.p10))} to ${esc(day(t.completion.p90))}; deadline ${esc(day(b.plan.scenario.deadline))}.</figcaption></figure>` +
    `<table><thead><tr>${th('Wave', 'num')}${th('Name')}${th('Start')}${th('End (last cut-over)')}${th('Workloads', 'num')}${th('Critical', 'num')}${th('One-time P50', 'num')}</tr></thead><tbody>${rows}</tbody></table>` +
    `<p class="note">One-time P50 per wave sums the workloads' own medians; wave 0 shows the shared work's likely cost. Percentiles do not add up, so the plan total (${esc(usd(t.oneTimeCost.p50))} P50) comes from the simulation.</p>` +
    `</section>`
  );
}

function costs(b: Briefing): string {
  const t = b.plan.totals;
  return (
    `<section class="page" id="costs"><h2>Cost</h2>` +
    `<h3>One-time cost by wave</h3><figure>${costByWaveSvg(b.waves)}<figcaption>Workloads' P50 one-time cost per wave; wave 0 is the shared contract, accreditation and gateway work (likely ${esc(usd(t.sharedOneTimeCost.likely))}, ` +
    `range ${esc(usd(t.sharedOneTimeCost.low))}–${esc(usd(t.sharedOneTimeCost.high))}).</figcaption></figure>` +
    `<h3>Monthly run-rate</h3><figure>${runRateSvg(b)}<figcaption>Monthly run-rate, likely token volumes × catalog prices × tokenizer factor, less cache discounts. Planned = the workloads this plan moves, compared like for like.` +
    (t.unpriced.after ? ` ${esc(int(t.unpriced.after))} planned workloads move to offerings without a catalog price: the after figure leaves them out.` : '') +
    (t.unpriced.before ? ` ${esc(int(t.unpriced.before))} workloads have no price today and are not in the before figures.` : '') +
    `</figcaption></figure>` +
    `<h3>Where the workloads go</h3><figure>${providersSvg(b)}<figcaption>Planned workloads per target provider; the darker part is mission-critical work.</figcaption></figure>` +
    `</section>`
  );
}

function risks(b: Briefing): string {
  const rows = b.topRisks
    .map(
      (r) =>
        `<tr>${td(r.id, 'nowrap')}<td>${r.workloadId ? `${esc(r.workloadId)}${r.workloadName !== null ? `<br><span class="note">${esc(r.workloadName)}</span>` : ''}` : '<span class="note">programme</span>'}</td>` +
        `${td(humanize(r.category), 'nowrap')}${td(`${r.likelihood}×${r.consequence} = ${r.score}`, 'nowrap')}<td class="nowrap">${level(r.level)}</td>${td(r.owner ?? '—')}${td(r.mitigation, 'small')}</tr>`,
    )
    .join('');
  return (
    `<section id="risk"><h2>Risk</h2>` +
    `<div class="two"><figure>${riskMatrixSvg(b)}<figcaption>Register entries per cell of the 5×5 likelihood × consequence matrix (bands: low ≤ 6, moderate 7–12, high ≥ 15).</figcaption></figure>` +
    `<figure>${riskCategoriesSvg(b)}<figcaption>Register entries by category and level.</figcaption></figure></div>` +
    `<h3>Highest risks</h3><table><thead><tr>${th('Risk')}${th('Workload')}${th('Category')}${th('L×C')}${th('Level')}${th('Owner')}${th('Mitigation')}</tr></thead><tbody>${rows}</tbody></table>` +
    (b.plan.risks.length > b.topRisks.length ? `<p class="note">${esc(int(b.plan.risks.length - b.topRisks.length))} more entries are in the workbook's Risks sheet.</p>` : '') +
    `</section>`
  );
}

function blocked(b: Briefing): string {
  if (b.blocked.length === 0) {
    return `<section id="blocked"><h2>Blocked workloads</h2><p>None: every in-scope workload has an eligible offering.</p></section>`;
  }
  const reasons = b.blockedByReason.map((r) => `<tr>${td(r.label)}${td(int(r.count), 'num')}</tr>`).join('');
  const rows = b.blocked
    .slice(0, b.blockedShown)
    .map(
      (w) =>
        `<tr>${td(w.id, 'nowrap')}${td(w.name)}${td(classificationLabel(w.classification), 'nowrap')}${td(w.criticality)}<td><ul>${w.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></td></tr>`,
    )
    .join('');
  const more =
    b.blocked.length > b.blockedShown
      ? `<p class="note">The first ${esc(int(BRIEFING_BLOCKED_ROWS))} of ${esc(int(b.blocked.length))} blocked workloads are listed; the workbook and the CSV list all of them.</p>`
      : '';
  return (
    `<section class="page" id="blocked"><h2>Blocked workloads</h2>` +
    `<p>${esc(int(b.blocked.length))} in-scope workloads have no eligible offering among the candidate providers and stay on ${esc(b.plan.scenario.exitVendor)} until one becomes eligible. A workload can have several reasons.</p>` +
    `<table class="narrow"><thead><tr>${th('Reason')}${th('Workloads', 'num')}</tr></thead><tbody>${reasons}</tbody></table>` +
    `<table><thead><tr>${th('ID')}${th('Name')}${th('Classification')}${th('Criticality')}${th('Reasons')}</tr></thead><tbody>${rows}</tbody></table>${more}` +
    `</section>`
  );
}

function assumptions(b: Briefing): string {
  const rows = b.assumptions.map((a) => `<tr>${td(a.group, 'nowrap')}${td(a.label)}${td(a.value)}</tr>`).join('');
  const drivers = b.effortDrivers
    .map((d) => `<tr>${td(d.label)}${td(d.min, 'num')}${td(d.likely, 'num')}${td(d.max, 'num')}${td(d.unit)}</tr>`)
    .join('');
  const warnings = b.warnings.length ? `<h3>Warnings from the planner</h3><ul class="warnings">${b.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '';
  return (
    `<section class="page" id="assumptions"><h2>Assumptions</h2>` +
    `<table><thead><tr>${th('Group')}${th('Assumption')}${th('Value')}</tr></thead><tbody>${rows}</tbody></table>` +
    `<h3>Effort drivers (three-point estimates)</h3><table><thead><tr>${th('Driver')}${th('Min', 'num')}${th('Likely', 'num')}${th('Max', 'num')}${th('Unit')}</tr></thead><tbody>${drivers}</tbody></table>` +
    `<p class="note">Starting values for typical model-migration work; replace them with your programme's own history. Each driver is sampled in the simulation, which gives the P10/P50/P90 figures.</p>` +
    warnings +
    `</section>`
  );
}

function provenance(b: Briefing): string {
  const c = b.plan.catalog;
  const rows = b.offerings
    .map((o) => {
      const f = o.facts;
      const use = [o.targetOf ? `target of ${int(o.targetOf)}` : null, o.currentOf ? `current for ${int(o.currentOf)}` : null, o.pricedFor ? `prices ${int(o.pricedFor)}` : null]
        .filter(Boolean)
        .join(', ');
      const auth = f ? `${classificationLabel(f.authorization.value.maxClassification)}${f.authorization.value.status === 'pending' ? ' (pending)' : ''}` : '—';
      const price = f ? (f.prices.input === null ? 'no price' : `${usd(f.prices.input)} / ${usd(f.prices.output)}`) : '—';
      const source = f ? `${f.prices.source} (${f.prices.asOf}${f.prices.confirmed ? '' : ', unconfirmed'}); authorization: ${f.authorization.source} (${f.authorization.asOf}${f.authorization.confirmed ? '' : ', unconfirmed'})` : 'not in the catalog given to this export';
      return `<tr>${td(o.id)}${td(use)}${td(auth, 'nowrap')}${td(price, 'nowrap')}${td(source)}</tr>`;
    })
    .join('');
  const catalogNote = b.catalogGiven
    ? `<p class="note">Offering facts below are from the workspace catalog at export time${b.catalogMeta ? ` (prices resolved for ${esc(day(b.catalogMeta.priceDate))})` : ''}; the plan was computed on the catalog named above. Prices are USD per million input / output tokens.</p>`
    : `<p class="note">No catalog was given to this export: only the offerings the plan names are listed.</p>`;
  return (
    `<section id="provenance"><h2>Catalog and provenance</h2>` +
    `<p>Catalog: ${esc(c.source)}, as of ${esc(day(c.asOf))}.</p>${catalogNote}` +
    `<table><thead><tr>${th('Offering')}${th('Used')}${th('Authorized to')}${th('Price in / out', 'num')}${th('Sources')}</tr></thead><tbody>${rows}</tbody></table>` +
    `</section>`
  );
}

function footer(b: Briefing): string {
  const s = b.plan.scenario;
  return (
    `<footer>${esc(b.generator ?? 'Bridgehead')} · plan JSON schemaVersion ${b.plan.schemaVersion} · scenario "${esc(s.name)}", seed ${esc(s.seed)}, ${esc(int(s.iterations))} iterations. ` +
    `Figures are estimates with ranges, not commitments; the workbook lists every workload.</footer>`
  );
}

export function briefingHtml(b: Briefing, options: HtmlOptions = {}): string {
  const generator = b.generator ?? 'Bridgehead';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(generator)}">`,
    `<title>${esc(b.title)}</title>`,
    `<style>${pageCss(options.paper ?? null)}${CSS}</style>`,
    '</head>',
    '<body>',
    header(b),
    figures(b),
    summary(b),
    schedule(b),
    costs(b),
    risks(b),
    blocked(b),
    assumptions(b),
    provenance(b),
    footer(b),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function planToHtml(plan: Plan, ctx: ExportContext = {}, options: HtmlOptions = {}): string {
  return briefingHtml(buildBriefing(plan, ctx), options);
}

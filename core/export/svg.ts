/**
 * Inline SVG charts for the HTML briefing: the waves Gantt, cost bars and the 5×5 risk matrix.
 * Plain SVG with no scripts, fonts or links, sized by viewBox so it scales to the page; every
 * label is escaped. Colours keep their meaning in greyscale print by also writing the numbers.
 */
import { riskLevel } from '../planning/risk';
import type { Briefing, WaveRow } from './briefing';
import { clip, esc } from './escape';
import { day, humanize, int, monthLabel, usdShort } from './text';

const W = 720;
const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'DejaVu Sans', sans-serif"`;
export const COLORS = {
  ink: '#1f2933',
  muted: '#5f6b7a',
  grid: '#d9dee5',
  wave: '#2f6db5',
  pilot: '#4c9a6a',
  wave0: '#8b95a1',
  deadline: '#c0392b',
  completion: '#7a4fb5',
  band: '#efe7fa',
  before: '#8b95a1',
  after: '#2f6db5',
  critical: '#1b3f6b',
  low: '#cfe8cf',
  moderate: '#ffe08a',
  high: '#f2a2a2',
} as const;

const dayNum = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
const f1 = (n: number): string => (Math.round(n * 10) / 10).toString();

/** Clips a label to what fits in `width` units at font size `fs` (average glyph ≈ 0.58 em). */
function fit(text: string, width: number, fs: number, bold = false): string {
  return clip(text, Math.max(4, Math.floor(width / (fs * (bold ? 0.6 : 0.54)))));
}

function svgOpen(height: number, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${f1(height)}" width="100%" role="img" aria-label="${esc(title)}" ${FONT}><title>${esc(title)}</title>`;
}

interface GanttRow {
  label: string;
  start: string;
  end: string;
  kind: 'wave0' | 'task' | 'pilot' | 'wave';
  note: string;
}

function ganttRows(b: Briefing): GanttRow[] {
  const taskRows = b.waves.reduce((n, w) => n + w.tasks.length, 0);
  const rows: GanttRow[] = [];
  const expandTasks = taskRows + b.waves.length <= 36;
  for (const w of b.waves) {
    const kind = w.number === 0 ? 'wave0' : w.number === 1 && /pilot/i.test(w.name) ? 'pilot' : 'wave';
    const note = w.number === 0 ? `${int(w.tasks.length)} tasks` : `${int(w.workloads)} workloads${w.critical ? `, ${int(w.critical)} critical` : ''}`;
    rows.push({ label: `Wave ${w.number} · ${w.name}`, start: w.start, end: w.end, kind, note });
    if (expandTasks) for (const t of w.tasks) rows.push({ label: t.title, start: t.start, end: t.end, kind: 'task', note: '' });
  }
  return rows;
}

/** The waves on a time line, with the deadline and the simulated completion range. */
export function ganttSvg(b: Briefing): string {
  const t = b.plan.totals;
  const rows = ganttRows(b);
  const deadline = b.plan.scenario.deadline;
  const dates = [b.plan.scenario.startDate, deadline, t.completion.p10, t.completion.p90, ...rows.flatMap((r) => [r.start, r.end])];
  const d0 = Math.min(...dates.map(dayNum));
  const d1 = Math.max(...dates.map(dayNum)) + 7;
  const left = 236;
  const right = W - 12;
  const top = 34;
  const rh = Math.max(9, Math.min(22, Math.floor(820 / Math.max(1, rows.length))));
  const fs = Math.max(6.5, Math.min(11, rh * 0.55));
  const height = top + rows.length * rh + 30;
  const x = (iso: string) => left + ((dayNum(iso) - d0) / (d1 - d0)) * (right - left);
  const out: string[] = [svgOpen(height, 'Waves on a time line, with the deadline and the completion range')];

  // Completion P10–P90 band behind everything.
  const bx0 = x(t.completion.p10);
  const bx1 = x(t.completion.p90);
  out.push(`<rect x="${f1(bx0)}" y="${top - 4}" width="${f1(Math.max(2, bx1 - bx0))}" height="${f1(rows.length * rh + 8)}" fill="${COLORS.band}"/>`);

  // Grid and labels every 1, 2, 3, 6 or 12 months (at most about 14 labels), on month starts.
  const first = new Date(d0 * 86_400_000);
  const spanMonths = (d1 - d0) / 30.4;
  const step = [1, 2, 3, 6, 12].find((k) => spanMonths / k <= 14) ?? 12 * Math.ceil(spanMonths / (12 * 14));
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth() + 1;
  for (;;) {
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
    const iso = `${y}-${String(m + 1).padStart(2, '0')}-01`;
    if (dayNum(iso) > d1) break;
    if (step <= 12 ? m % step === 0 : m === 0 && y % (step / 12) === 0) {
      const gx = x(iso);
      out.push(`<line x1="${f1(gx)}" y1="${top - 6}" x2="${f1(gx)}" y2="${f1(top + rows.length * rh)}" stroke="${COLORS.grid}" stroke-width="0.6"/>`);
      out.push(`<text x="${f1(gx + 2)}" y="${top - 10}" font-size="9" fill="${COLORS.muted}">${esc(step >= 12 ? String(y) : monthLabel(y, m))}</text>`);
    }
    m++;
  }

  rows.forEach((r, i) => {
    const ry = top + i * rh;
    if (i % 2 === 1) out.push(`<rect x="0" y="${f1(ry)}" width="${W}" height="${f1(rh)}" fill="#f6f8fa" opacity="0.6"/>`);
    const indent = r.kind === 'task' ? 12 : 0;
    const weight = r.kind === 'task' ? '400' : '600';
    out.push(
      `<text x="${4 + indent}" y="${f1(ry + rh * 0.5 + fs * 0.35)}" font-size="${f1(fs)}" font-weight="${weight}" fill="${r.kind === 'task' ? COLORS.muted : COLORS.ink}">${esc(fit(r.label, left - 14 - indent, fs, r.kind !== 'task'))}</text>`,
    );
    const x0 = x(r.start);
    const x1 = Math.max(x(r.end), x0 + 2);
    const fill = r.kind === 'task' || r.kind === 'wave0' ? COLORS.wave0 : r.kind === 'pilot' ? COLORS.pilot : COLORS.wave;
    const bh = r.kind === 'task' ? rh * 0.38 : rh * 0.62;
    out.push(`<rect x="${f1(x0)}" y="${f1(ry + (rh - bh) / 2)}" width="${f1(x1 - x0)}" height="${f1(bh)}" rx="2" fill="${fill}"><title>${esc(`${r.label}: ${day(r.start)} – ${day(r.end)}`)}</title></rect>`);
    if (r.note && rh >= 12) {
      const nx = x1 + 4;
      const anchorEnd = nx > right - 90;
      out.push(
        `<text x="${f1(anchorEnd ? x0 - 4 : nx)}" y="${f1(ry + rh * 0.5 + fs * 0.33)}" font-size="${f1(fs * 0.9)}" fill="${COLORS.muted}" text-anchor="${anchorEnd ? 'end' : 'start'}">${esc(r.note)}</text>`,
      );
    }
  });

  const bottom = top + rows.length * rh;
  const dx = x(deadline);
  out.push(`<line x1="${f1(dx)}" y1="${top - 6}" x2="${f1(dx)}" y2="${f1(bottom + 4)}" stroke="${COLORS.deadline}" stroke-width="1.6"/>`);
  const cx = x(t.completion.p50);
  out.push(`<line x1="${f1(cx)}" y1="${top - 6}" x2="${f1(cx)}" y2="${f1(bottom + 4)}" stroke="${COLORS.completion}" stroke-width="1.4" stroke-dasharray="4 3"/>`);

  // Legend under the chart.
  const ly = bottom + 20;
  const legend: [string, string, string][] = [
    ['rect', COLORS.wave0, 'Wave 0: contracts, accreditation, gateway'],
    ['rect', COLORS.wave, 'Migration wave'],
    ['line', COLORS.deadline, `Deadline ${day(deadline)}`],
    ['dash', COLORS.completion, `P50 completion ${day(t.completion.p50)}`],
    ['band', COLORS.band, 'P10–P90 completion'],
  ];
  let lx = 4;
  for (const [shape, color, text] of legend) {
    if (shape === 'rect' || shape === 'band') out.push(`<rect x="${lx}" y="${ly - 8}" width="14" height="9" rx="2" fill="${color}"${shape === 'band' ? ` stroke="${COLORS.grid}"` : ''}/>`);
    else out.push(`<line x1="${lx}" y1="${ly - 3.5}" x2="${lx + 14}" y2="${ly - 3.5}" stroke="${color}" stroke-width="2"${shape === 'dash' ? ' stroke-dasharray="4 3"' : ''}/>`);
    out.push(`<text x="${lx + 18}" y="${ly}" font-size="9" fill="${COLORS.ink}">${esc(text)}</text>`);
    lx += 26 + text.length * 4.9;
  }
  out.push('</svg>');
  return out.join('');
}

interface Bar {
  label: string;
  value: number;
  color: string;
  text?: string;
}

/** Horizontal bars with a value label each. */
export function barsSvg(title: string, bars: readonly Bar[], format: (n: number) => string = usdShort): string {
  const left = 200;
  const right = W - 70;
  const rh = Math.max(10, Math.min(22, Math.floor(760 / Math.max(1, bars.length))));
  const fs = Math.max(7, Math.min(11, rh * 0.55));
  const top = 6;
  const height = top + bars.length * rh + 6;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const out = [svgOpen(height, title)];
  bars.forEach((b, i) => {
    const y = top + i * rh;
    const w = Math.max(b.value > 0 ? 1.5 : 0, (b.value / max) * (right - left));
    out.push(`<text x="${left - 6}" y="${f1(y + rh * 0.5 + fs * 0.35)}" font-size="${f1(fs)}" text-anchor="end" fill="${COLORS.ink}">${esc(fit(b.label, left - 10, fs))}</text>`);
    out.push(`<rect x="${left}" y="${f1(y + rh * 0.18)}" width="${f1(w)}" height="${f1(rh * 0.64)}" rx="2" fill="${b.color}"/>`);
    out.push(`<text x="${f1(left + w + 5)}" y="${f1(y + rh * 0.5 + fs * 0.35)}" font-size="${f1(fs)}" fill="${COLORS.ink}">${esc(b.text ?? format(b.value))}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/** One-time cost by wave: the workloads' P50 sum; wave 0 is the shared work (likely). */
export function costByWaveSvg(waves: readonly WaveRow[]): string {
  return barsSvg(
    'One-time cost by wave',
    waves.map((w) => ({ label: `Wave ${w.number} · ${w.name}`, value: w.oneTimeP50, color: w.number === 0 ? COLORS.wave0 : COLORS.wave })),
  );
}

/** Monthly run-rate before and after, like for like (the planned workloads). */
export function runRateSvg(b: Briefing): string {
  const t = b.plan.totals;
  return barsSvg('Monthly run-rate before and after', [
    { label: 'Today, all in scope', value: t.monthlyCostBefore, color: COLORS.before },
    { label: 'Today, planned', value: t.monthlyCostBeforePlanned, color: COLORS.before },
    {
      label: 'After the move, planned',
      value: t.monthlyCostAfter,
      color: COLORS.after,
      text: `${usdShort(t.monthlyCostAfter)}${t.unpriced.after ? ` + ${int(t.unpriced.after)} unpriced` : ''}`,
    },
  ]);
}

/** Planned workloads per target provider, the critical ones darker. */
export function providersSvg(b: Briefing): string {
  const rows = [...b.plan.totals.byProvider].sort((a, c) => c.planned - a.planned);
  const left = 200;
  const right = W - 120;
  const rh = Math.max(12, Math.min(22, Math.floor(500 / Math.max(1, rows.length))));
  const height = 6 + rows.length * rh + 6;
  const max = Math.max(1, ...rows.map((r) => r.planned));
  const out = [svgOpen(height, 'Planned workloads by target provider')];
  rows.forEach((r, i) => {
    const y = 6 + i * rh;
    const w = (r.planned / max) * (right - left);
    const wc = (r.critical / max) * (right - left);
    out.push(`<text x="${left - 6}" y="${f1(y + rh * 0.62)}" font-size="11" text-anchor="end" fill="${COLORS.ink}">${esc(fit(r.provider, left - 10, 11))}</text>`);
    out.push(`<rect x="${left}" y="${f1(y + rh * 0.18)}" width="${f1(Math.max(1.5, w))}" height="${f1(rh * 0.64)}" rx="2" fill="${COLORS.after}"/>`);
    if (wc > 0) out.push(`<rect x="${left}" y="${f1(y + rh * 0.18)}" width="${f1(wc)}" height="${f1(rh * 0.64)}" rx="2" fill="${COLORS.critical}"/>`);
    out.push(`<text x="${f1(left + Math.max(1.5, w) + 5)}" y="${f1(y + rh * 0.62)}" font-size="10" fill="${COLORS.ink}">${esc(`${int(r.planned)} (${int(r.critical)} critical)`)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/** The 5×5 matrix: register entries per likelihood × consequence cell, coloured by band. */
export function riskMatrixSvg(b: Briefing): string {
  const cell = 46;
  const left = 64;
  const top = 12;
  const size = cell * 5;
  const width = left + size + 12;
  const height = top + size + 44;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Risk matrix" ${FONT}><title>Risk register on the 5×5 likelihood × consequence matrix</title>`,
  ];
  for (let l = 5; l >= 1; l--) {
    for (let c = 1; c <= 5; c++) {
      const x = left + (c - 1) * cell;
      const y = top + (5 - l) * cell;
      const level = riskLevel(l * c);
      const n = b.riskMatrix[l - 1]![c - 1]!;
      out.push(`<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${COLORS[level]}" stroke="#ffffff" stroke-width="2"/>`);
      if (n > 0) out.push(`<text x="${x + cell / 2}" y="${y + cell / 2 + 5}" font-size="15" font-weight="700" text-anchor="middle" fill="${COLORS.ink}">${esc(int(n))}</text>`);
    }
    out.push(`<text x="${left - 8}" y="${top + (5 - l) * cell + cell / 2 + 4}" font-size="11" text-anchor="end" fill="${COLORS.muted}">${l}</text>`);
  }
  for (let c = 1; c <= 5; c++) out.push(`<text x="${left + (c - 0.5) * cell}" y="${top + size + 15}" font-size="11" text-anchor="middle" fill="${COLORS.muted}">${c}</text>`);
  out.push(`<text x="${left + size / 2}" y="${top + size + 33}" font-size="11" text-anchor="middle" fill="${COLORS.ink}">Consequence</text>`);
  out.push(`<text x="14" y="${top + size / 2}" font-size="11" text-anchor="middle" fill="${COLORS.ink}" transform="rotate(-90 14 ${top + size / 2})">Likelihood</text>`);
  out.push('</svg>');
  return out.join('');
}

/** Register entries per category, stacked by level. */
export function riskCategoriesSvg(b: Briefing): string {
  const rows = b.riskByCategory;
  const left = 130;
  const right = 420 - 50;
  const rh = 24;
  const height = 8 + rows.length * rh + 26;
  const max = Math.max(1, ...rows.map((r) => r.low + r.moderate + r.high));
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 420 ${height}" width="100%" role="img" aria-label="Risks by category" ${FONT}><title>Risk register entries by category and level</title>`,
  ];
  rows.forEach((r, i) => {
    const y = 8 + i * rh;
    out.push(`<text x="${left - 6}" y="${y + 15}" font-size="11" text-anchor="end" fill="${COLORS.ink}">${esc(humanize(r.category))}</text>`);
    let x = left;
    for (const level of ['high', 'moderate', 'low'] as const) {
      const n = r[level];
      if (!n) continue;
      const w = (n / max) * (right - left);
      out.push(`<rect x="${f1(x)}" y="${y + 4}" width="${f1(w)}" height="15" fill="${COLORS[level]}" stroke="#ffffff" stroke-width="1"/>`);
      if (w > 14) out.push(`<text x="${f1(x + w / 2)}" y="${y + 15.5}" font-size="10" text-anchor="middle" fill="${COLORS.ink}">${esc(int(n))}</text>`);
      x += w;
    }
    out.push(`<text x="${f1(x + 5)}" y="${y + 15.5}" font-size="10" fill="${COLORS.muted}">${esc(int(r.low + r.moderate + r.high))}</text>`);
  });
  const ly = 8 + rows.length * rh + 16;
  let lx = left;
  for (const level of ['high', 'moderate', 'low'] as const) {
    out.push(`<rect x="${lx}" y="${ly - 9}" width="12" height="10" fill="${COLORS[level]}"/><text x="${lx + 16}" y="${ly}" font-size="10" fill="${COLORS.ink}">${level}</text>`);
    lx += 80;
  }
  out.push('</svg>');
  return out.join('');
}

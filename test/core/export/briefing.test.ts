import { beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing, planToHtml, planToMarkdown } from '../../../core/export';
import { esc } from '../../../core/export/escape';
import { usd } from '../../../core/export/text';
import type { Plan } from '../../../core/planning';
import { CTX, defaultCatalog, makePlan, naughtyStrings, OWASP_PAYLOADS } from './plans';

let plan: Plan;
let hostile: Plan;
const SCRIPT_NAME = '<script>alert("pwned")</script>';

beforeAll(async () => {
  plan = await makePlan(140);
  const names = [SCRIPT_NAME, ...OWASP_PAYLOADS, ...naughtyStrings()];
  hostile = await makePlan(names.length, { names });
});

/**
 * Everything in an HTML file that would make a browser fetch something: resource elements, URL
 * attributes (other than in-page #anchors) on real tags, and CSS url()/@import in <style> or
 * style attributes. Escaped text (`&lt;img src=…`) is text, not a tag, and is not counted.
 */
function externalReferences(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<(script|link|img|iframe|object|embed|base|video|audio|source|track|frame|form|input)\b/gi)) found.push(m[0]);
  const css: string[] = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const a of tag[0].matchAll(/\s(src|href|xlink:href|srcset|poster|action|data|background)\s*=\s*["']?([^"'\s>]*)/gi)) {
      if (!a[2]!.startsWith('#')) found.push(a[0]);
    }
    for (const a of tag[0].matchAll(/\sstyle\s*=\s*"([^"]*)"/gi)) css.push(a[1]!);
    if (/http-equiv\s*=\s*["']?refresh/i.test(tag[0])) found.push(tag[0]);
  }
  for (const text of css) {
    for (const m of text.matchAll(/url\(\s*['"]?([^)'"]*)/gi)) if (!m[1]!.startsWith('data:')) found.push(m[0]);
    if (/@import/i.test(text)) found.push('@import');
  }
  return found;
}

describe('HTML briefing', () => {
  it('is self-contained: inline CSS and SVG, a CSP that forbids fetching, nothing external', () => {
    const html = planToHtml(plan, { ...CTX, catalog: defaultCatalog() });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(externalReferences(html)).toEqual([]);
    expect(html).toMatch(/@page \{[^}]*margin/);
    expect(html).toContain('section.page { break-before: page; }');
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(5);
  });

  it('has the briefing sections and the plan’s figures', () => {
    const html = planToHtml(plan, CTX);
    for (const id of ['summary', 'figures', 'schedule', 'costs', 'risk', 'blocked', 'assumptions', 'provenance']) expect(html).toContain(`id="${id}"`);
    const t = plan.totals;
    expect(html).toContain(esc(usd(t.oneTimeCost.p50)));
    expect(html).toContain(esc(usd(t.monthlyCostAfter)));
    expect(html).toContain(esc(plan.catalog.source));
    for (const w of plan.workloads.filter((x) => x.status === 'blocked').slice(0, 5)) expect(html).toContain(esc(w.reasons[0]!));
    // Every wave is a bar in the Gantt.
    for (const w of plan.waves) expect(html).toContain(esc(`Wave ${w.number}`));
  });

  it('escapes every user string: a <script> name stays text, naughty names cannot add elements', () => {
    const html = planToHtml(hostile, CTX);
    expect(externalReferences(html)).toEqual([]);
    expect(html).not.toContain('<script');
    expect(html.toLowerCase()).not.toContain('<script');
    const blocked = hostile.workloads.filter((w) => w.status === 'blocked');
    expect(blocked.length).toBeGreaterThan(10);
    for (const w of blocked) expect(html, JSON.stringify(w.name)).toContain(`<td>${esc(w.name)}</td>`);
    const scriptWorkload = hostile.workloads.find((w) => w.name === SCRIPT_NAME)!;
    if (scriptWorkload.status === 'blocked') expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    // Only the tags the renderer writes appear.
    const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'p', 'h1', 'h2', 'h3', 'strong', 'section', 'ul', 'li', 'div', 'figure', 'figcaption', 'svg', 'rect', 'line', 'text', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'span', 'footer'];
    expect([...tags].filter((t) => !allowed.includes(t))).toEqual([]);
  });
});

describe('Markdown briefing', () => {
  /** Cells in a table row: pipes not preceded by a backslash. */
  const cells = (line: string) => line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length - 2;

  it('has the same sections, and hostile names cannot break a table row or start markup', () => {
    const md = planToMarkdown(hostile, { ...CTX, catalog: defaultCatalog() });
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Migration briefing: Exit anthropic (best-fit)',
      '## Headline figures',
      '## Executive summary',
      '## Schedule',
      '### Wave 0 tasks',
      '## Cost',
      '## Risk',
      '### Highest risks',
      '## Blocked workloads',
      '## Assumptions',
      '### Warnings from the planner',
      '## Catalog and provenance',
    ]);
    // Every table row has as many cells as its header row.
    const lines = md.split('\n');
    let header = 0;
    let rows = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        header = 0;
        continue;
      }
      if (header === 0) header = cells(line);
      else expect(cells(line), line).toBe(header);
      rows++;
    }
    expect(rows).toBeGreaterThan(hostile.workloads.filter((w) => w.status === 'blocked').length);
    // No raw HTML but our <br> line breaks: a "<" from user text is always backslash-escaped.
    expect(md).not.toMatch(/(?<!\\)<(?!br>)[a-z]/i);
    // Each blocked workload's name is in the table, escaped but whole.
    const unescape = (s: string) => s.replace(/<br>/g, '\n').replace(/\\(.)/g, '$1');
    const body = unescape(md);
    // eslint-disable-next-line no-control-regex -- control characters are what this pattern is about
    for (const w of hostile.workloads.filter((x) => x.status === 'blocked' && x.name.trim() && !/[\r\n\u000B\u000C\u0085\u2028\u2029]/.test(x.name))) {
      expect(body, JSON.stringify(w.name)).toContain(w.name.trim());
    }
  });

  it('tells the same story as the HTML version', () => {
    const b = buildBriefing(plan, CTX);
    const md = planToMarkdown(plan, CTX);
    const html = planToHtml(plan, CTX);
    for (const fig of b.headline) {
      expect(html).toContain(esc(fig.value));
      expect(md.replace(/\\(.)/g, '$1')).toContain(fig.value);
    }
  });
});

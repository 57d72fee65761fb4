/**
 * `bridgehead catalog list | import | export`. The commands call the same channels as the UI:
 * an import is a refresh preview (the diff), applied only with --yes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { CatalogRefreshPreview, CatalogState } from '../../../core/api';
import { catalogToListJson } from '../../../core/catalog/list-json';
import { CATALOG_FORMATS, type CatalogFormat } from '../../../core/common/enums';
import { call } from '../api';
import { CliError, printJson, printLine } from '../output';
import { withSession } from '../session';

const LIST_LIMIT = 25;

/** `$3.00`, `$0.20`, `$0.0825`: cents always, more digits only when the price has them. */
const money = (v: number | null): string => {
  if (v === null) return '—';
  const cents = v.toFixed(2);
  return `$${Math.abs(Number(cents) - v) < 1e-9 ? cents : String(Number(v.toFixed(6)))}`;
};
const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function printTable(rows: string[][], align: ('l' | 'r')[] = []): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) {
    printLine(
      r
        .map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    );
  }
}

function printCatalog(state: CatalogState): void {
  const { catalog, effective } = state;
  printLine(`Providers (${catalog.providers.length})`);
  for (const p of catalog.providers) {
    const prohibits = p.prohibitedUseTags.map((u) => (u.condition === 'unless_human_in_loop' ? `${u.tag} (unless a human is in the loop)` : u.tag));
    printLine(`  ${p.id.padEnd(10)} ${p.name}${prohibits.length ? ` — prohibits: ${prohibits.join(', ')}` : ' — no prohibited uses recorded'}`);
  }
  printLine();
  printLine(`Offerings (${catalog.offerings.length}); prices in US dollars per million tokens, * = contract price`);
  const rows = [['ID', 'AUTHORIZED FOR', 'IL', 'INPUT', 'OUTPUT', 'CACHED', 'FACTS', 'AS OF']];
  const list = catalogToListJson(catalog);
  for (const o of catalog.offerings) {
    const e = effective[o.id]!;
    const row = list.offerings.find((x) => x.id === o.id)!;
    const auth = o.authorization.value;
    const price = (f: 'inputPerMTok' | 'outputPerMTok' | 'cachedInputPerMTok') => `${money(e[f])}${e.basis[f] === 'contract' ? '*' : ''}`;
    rows.push([
      o.id,
      `${auth.maxClassification}${auth.status === 'pending' ? ` (pending${auth.leadTimeDays !== null ? `, ${auth.leadTimeDays} d` : ''})` : ''}`,
      auth.impactLevel ?? '—',
      price('inputPerMTok'),
      price('outputPerMTok'),
      price('cachedInputPerMTok'),
      row.confirmed ? 'confirmed' : 'unconfirmed',
      row.asOf,
    ]);
  }
  printTable(rows, ['l', 'l', 'l', 'r', 'r', 'r', 'l', 'l']);
  if (state.refreshes.length) {
    const last = state.refreshes[0]!;
    printLine();
    printLine(`Last refresh: ${last.fileName} (${last.format}, sha256 ${last.sha256.slice(0, 12)}…) on ${last.appliedAt.slice(0, 10)}: ${last.summary}`);
  }
}

function printDiff(p: CatalogRefreshPreview): void {
  const d = p.diff;
  printLine(`${p.fileName}: ${p.formatLabel}, ${count(p.rowCount, 'usable row')}${d.skippedRows ? ` (${d.skippedRows} skipped)` : ''}, sha256 ${p.sha256}`);
  printLine(`Matched ${count(d.matched.length, 'offering')}; ${d.unchanged} unchanged.`);
  const section = <T>(title: string, items: T[], line: (item: T) => string) => {
    if (!items.length) return;
    printLine();
    printLine(`${title} (${items.length}):`);
    for (const item of items.slice(0, LIST_LIMIT)) printLine(`  ${line(item)}`);
    if (items.length > LIST_LIMIT) printLine(`  … and ${items.length - LIST_LIMIT} more (--json lists all)`);
  };
  section('List prices changed', d.pricesChanged, (c) => `${c.offeringId}  ${c.field}  ${money(c.from)} → ${money(c.to)}${c.estimated ? ' (estimate)' : ''}  [row ${c.rowKey}]`);
  section('Prices the file confirms', d.confirmations, (c) => `${c.offeringId}  ${c.field}  ${money(c.value)}  [row ${c.rowKey}]`);
  section('Limits changed', d.limitsChanged, (c) => `${c.offeringId}  ${c.field}  ${c.from ?? '—'} → ${c.to ?? '—'}  [row ${c.rowKey}]`);
  section(
    'Offerings in the file that the catalog lacks (added only with --add)',
    d.added,
    (a) => `${a.id}  input ${money(a.prices.inputPerMTok)}  output ${money(a.prices.outputPerMTok)}`,
  );
  section('Offerings the file no longer lists (kept)', d.gone, (g) => `${g.offeringId}: ${g.reason}`);
  for (const w of d.warnings) printLine(`warning: ${w}`);
}

interface ImportOptions {
  workspace?: string;
  format?: CatalogFormat;
  yes?: boolean;
  add?: string;
  json?: boolean;
}

function parseAdd(add: string | undefined): 'none' | 'all' | string[] {
  if (add === undefined) return 'none';
  if (add === 'all' || add === 'none') return add;
  const ids = add
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!ids.length) throw new CliError('--add takes "all" or a comma-separated list of offering ids from the diff.');
  return ids;
}

export function registerCatalog(program: Command): void {
  const catalog = program.command('catalog').description('List, refresh (import) or export the provider catalog');

  catalog
    .command('list')
    .description('List providers and offerings with authorization, effective prices and provenance')
    .option('--workspace <path>', 'workspace file')
    .option('--json', 'print one JSON object: {"providers":[…],"offerings":[…]}')
    .action(async (opts: { workspace?: string; json?: boolean }) => {
      await withSession(opts.workspace, async (session) => {
        const state = await call(session, 'catalog.get', {});
        if (opts.json) return printJson(catalogToListJson(state.catalog));
        printCatalog(state);
      });
    });

  catalog
    .command('import')
    .description('Refresh list prices from a price or catalog file: prints the diff; applies it only with --yes')
    .argument('<file>', 'LiteLLM model_prices JSON, genai-prices data.json, OpenRouter models listing or Bridgehead catalog export')
    .addOption(new Option('--format <format>', 'read the file as this format (detected when omitted)').choices([...CATALOG_FORMATS]))
    .option('--yes', 'apply the changes (without it nothing is changed)')
    .option('--add <which>', 'with --yes, also add offerings the file has and the catalog lacks: "all" or comma-separated ids')
    .option('--workspace <path>', 'workspace file')
    .option('--json', 'print one JSON object: {"file","format","sha256","diff","applied"}')
    .action(async (file: string, opts: ImportOptions) => {
      const add = parseAdd(opts.add);
      if (add !== 'none' && !opts.yes) throw new CliError('--add only takes effect with --yes.');
      await withSession(opts.workspace, async (session) => {
        const preview = await call(session, 'catalog.refreshPreview', {
          file: { kind: 'path', path: resolve(file) },
          ...(opts.format ? { format: opts.format } : {}),
        });
        if (!opts.yes) {
          await call(session, 'catalog.discardRefresh', { previewId: preview.previewId });
          if (opts.json) {
            return printJson({ file: preview.fileName, format: preview.format, sha256: preview.sha256, diff: preview.diff, applied: null });
          }
          printDiff(preview);
          printLine();
          printLine('Nothing was changed. Run again with --yes to apply these changes.');
          return;
        }
        const result = await call(session, 'catalog.refreshApply', { previewId: preview.previewId, add });
        if (opts.json) {
          return printJson({ file: preview.fileName, format: preview.format, sha256: preview.sha256, diff: preview.diff, applied: result.applied });
        }
        printDiff(preview);
        printLine();
        printLine(`Applied: ${result.record.summary}.`);
        printLine(`Recorded ${result.record.fileName} (sha256 ${result.record.sha256}) on ${result.record.appliedAt}. Contract prices are unchanged.`);
      });
    });

  catalog
    .command('export')
    .description('Write the catalog (with edits and contract prices) as a Bridgehead catalog file')
    .argument('<file>', 'where to write (JSON)')
    .option('--workspace <path>', 'workspace file')
    .action(async (file: string, opts: { workspace?: string }) => {
      await withSession(opts.workspace, async (session) => {
        const out = await call(session, 'catalog.export', {});
        try {
          writeFileSync(resolve(file), out.text, 'utf8');
        } catch (error) {
          throw new CliError(`Cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
        printLine(`Wrote ${count(out.offerings, 'offering')} to ${resolve(file)}`);
      });
    });
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { IsoDate } from '../../../core/catalog/schema';
import { addDays } from '../../../core/planning/dates';
import type { ScenarioInput } from '../../../core/planning/scenario';
import { STRATEGIES } from '../../../core/planning/scenario';
import { startSession, type Session } from '../../session';
import { call } from '../api';
import { CliError, printLine } from '../output';

interface PlanOptions {
  exit?: string;
  strategy?: (typeof STRATEGIES)[number];
  targets?: string;
  start?: string;
  deadline?: string;
  deadlineDays?: string;
  teamHoursPerWeek?: string;
  iterations?: string;
  seed?: string;
  name?: string;
  workspace?: string;
  inventory?: string;
  json?: boolean;
  out?: string;
}

function integer(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

function date(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!IsoDate.safeParse(value).success) throw new CliError(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

/** Turns the flags into a scenario input; every check names the flag. */
export function scenarioFromFlags(opts: PlanOptions, today: string): ScenarioInput {
  if (opts.deadline && opts.deadlineDays) throw new CliError('Give --deadline or --deadline-days, not both');
  const start = date(opts.start, '--start');
  const deadlineDays = integer(opts.deadlineDays, '--deadline-days', 1, 3650);
  let deadline = date(opts.deadline, '--deadline');
  if (deadlineDays !== undefined) deadline = addDays(start ?? today, deadlineDays);
  const targets = opts.targets
    ?.split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (opts.targets !== undefined && (!targets || targets.length === 0)) throw new CliError('--targets needs provider ids, e.g. --targets openai,google');
  const scenario: ScenarioInput = {
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.exit ? { exitVendor: opts.exit.trim().toLowerCase() } : {}),
    ...(opts.strategy ? { strategy: opts.strategy } : {}),
    ...(targets ? { candidateProviders: targets } : {}),
    ...(start ? { startDate: start } : {}),
    ...(deadline ? { deadline } : {}),
  };
  const hours = integer(opts.teamHoursPerWeek, '--team-hours-per-week', 1, 100_000);
  if (hours !== undefined) scenario.teamHoursPerWeek = hours;
  const iterations = integer(opts.iterations, '--iterations', 100, 100_000);
  if (iterations !== undefined) scenario.iterations = iterations;
  const seed = integer(opts.seed, '--seed', 0, 0xffffffff);
  if (seed !== undefined) scenario.seed = seed;
  return scenario;
}

async function withPlanSession<T>(opts: PlanOptions, run: (session: Session) => Promise<T>): Promise<T> {
  if (!opts.inventory) {
    const session = await startSession({ workspace: opts.workspace, face: 'cli' });
    try {
      return await run(session);
    } finally {
      session.close();
    }
  }
  if (opts.workspace) throw new CliError('Give --inventory (a one-shot plan) or --workspace, not both');
  // One-shot: the inventory goes into a throwaway workspace, all of it or nothing.
  const dir = mkdtempSync(join(tmpdir(), 'bridgehead-plan-'));
  const session = await startSession({ workspace: join(dir, 'one-shot.bridgehead'), face: 'cli' });
  try {
    const imported = await call(session, 'inventory.import', { file: { kind: 'path', path: resolve(opts.inventory) }, replace: true, maxErrors: 10_000 });
    if (imported.errorCount > 0) {
      for (const e of imported.errors.slice(0, 20)) process.stderr.write(`${e.message} [${e.code}]\n`);
      throw new CliError(`${opts.inventory} has ${imported.errorCount} errors: fix them, or import the valid rows into a workspace with \`bridgehead import --skip-invalid\` and plan that.`);
    }
    return await run(session);
  } finally {
    session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('Plan the move off a vendor: eligibility, targets, cost, risk, waves and Monte Carlo dates')
    .option('--exit <vendor>', 'the vendor to leave (default: the catalog’s baseline vendor, anthropic)')
    .addOption(new Option('--strategy <strategy>', 'how targets are chosen').choices([...STRATEGIES]))
    .option('--targets <ids>', 'candidate providers, comma-separated (default: every other provider)')
    .option('--start <date>', 'start date YYYY-MM-DD (default: today)')
    .option('--deadline <date>', 'deadline YYYY-MM-DD (default: start + 180 days)')
    .option('--deadline-days <n>', 'deadline as days after the start')
    .option('--team-hours-per-week <n>', 'engineering capacity, hours a week')
    .option('--iterations <n>', 'Monte Carlo iterations (default 2000)')
    .option('--seed <n>', 'random seed: the same inputs and seed give the same plan')
    .option('--name <name>', 'scenario name (its overrides are kept between runs)')
    .option('--workspace <path>', 'workspace file')
    .option('--inventory <file.csv>', 'plan this inventory in a temporary workspace instead')
    .option('--json', 'print the plan JSON')
    .option('--out <file.json>', 'write the plan JSON to a file')
    .action(async (opts: PlanOptions) => {
      const scenario = scenarioFromFlags(opts, new Date().toISOString().slice(0, 10));
      await withPlanSession(opts, async (session) => {
        const showProgress = !opts.json && process.stderr.isTTY;
        const unsubscribe = session.events.subscribe((event) => {
          if (showProgress && event.type === 'progress' && !event.finished) process.stderr.write(`\r${event.label} ${Math.round(event.done)}%   `);
        });
        let item;
        try {
          item = await call(session, 'plan.run', { scenario });
        } finally {
          unsubscribe();
          if (showProgress) process.stderr.write('\r\x1b[K');
        }
        const { plan } = await call(session, 'plan.get', { id: item.id });
        const text = `${JSON.stringify(plan, null, 2)}\n`;
        if (opts.out) writeFileSync(resolve(opts.out), text);
        if (opts.json) {
          process.stdout.write(text);
          return;
        }
        const s = item.summary;
        const money = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
        printLine(`Plan ${item.id} — scenario "${s.scenarioName}": exit ${s.exitVendor}, ${s.strategy}, ${s.startDate} → deadline ${s.deadline}`);
        printLine(`Workloads   ${s.counts.planned} planned, ${s.counts.blocked} blocked, ${s.counts.outOfScope} out of scope`);
        printLine(`One-time    ${money(s.oneTimeCost.p10)} / ${money(s.oneTimeCost.p50)} / ${money(s.oneTimeCost.p90)} (P10/P50/P90)`);
        // Like for like: the planned workloads before and after; unpriced targets are named, not zero.
        printLine(
          `Run-rate    ${money(s.monthlyCostBeforePlanned)} → ${s.unpriced.after ? `at least ${money(s.monthlyCostAfter)}` : money(s.monthlyCostAfter)} a month for the planned workloads` +
            (s.unpriced.after ? ` (${s.unpriced.after} targets have no catalog price)` : '') +
            `; ${money(s.monthlyCostBefore)} a month today for all in scope`,
        );
        printLine(`Completion  ${s.completion.p10} / ${s.completion.p50} / ${s.completion.p90}; P(by deadline) ${(100 * s.deadlineProbability).toFixed(0)}%`);
        printLine(`Risk        ${s.highRisk} high-risk workloads; ${s.waves} waves; confidence ${s.confidence}`);
        for (const w of plan.warnings.slice(0, 10)) printLine(`  warning: ${w}`);
        if (opts.out) printLine(`Wrote ${resolve(opts.out)}`);
      });
    });
}

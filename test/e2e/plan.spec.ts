import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Plan } from '../../core/planning/plan-schema';
import { serve, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serve();
});
test.afterAll(async () => {
  await served.stop();
});

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

/** The plan as the API has it, to check the view shows the engine's numbers. */
async function latestPlan(request: APIRequestContext): Promise<{ id: number; plan: Plan }> {
  const response = await request.post(`${served.origin}/api/call/plan.get`, {
    headers: { Authorization: `Bearer ${served.token}` },
    data: { id: 'latest' },
  });
  const body = (await response.json()) as { ok: boolean; result: { id: number; plan: Plan } };
  expect(body.ok).toBe(true);
  return body.result;
}

async function runScenario(page: Page, options: { name: string; strategy?: string }) {
  const form = page.getByRole('form', { name: 'Scenario' });
  await form.getByLabel('Scenario name').fill(options.name);
  if (options.strategy) await form.getByLabel('Strategy').selectOption(options.strategy);
  await form.getByLabel('Start').fill('2026-12-01');
  await form.getByLabel('Deadline').fill('2027-05-30');
  await form.getByLabel('Iterations').fill('200');
  await form.getByLabel('Seed').fill('7');
  await form.getByRole('button', { name: 'Run plan' }).click();
  await expect(page.getByTestId('plan-title')).toContainText(options.name, { timeout: 30_000 });
  await expect(page.getByTestId('plan-progress')).toHaveCount(0);
}

test('plan the demo workspace, exclude a workload, run a second scenario and compare', async ({ page, request }) => {
  await page.goto(served.url);
  await page.getByRole('button', { name: /^Plan/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan');
  await expect(page.getByText('No plan yet')).toBeVisible();

  // The form validates before anything is sent.
  const form = page.getByRole('form', { name: 'Scenario' });
  await form.getByLabel('Iterations').fill('5');
  await form.getByRole('button', { name: 'Run plan' }).click();
  await expect(form.getByRole('alert')).toContainText('100');

  // 1. Run the baseline from the UI.
  await runScenario(page, { name: 'Baseline' });
  const first = await latestPlan(request);
  const t = first.plan.totals;
  expect(first.plan.scenario.iterations).toBe(200);
  expect(first.plan.scenario.seed).toBe(7);
  expect(t.counts.planned).toBeGreaterThan(1);

  // Headline figures are the engine's own numbers; an unpriced "after" is unknown, not a sum.
  const headline = page.getByTestId('plan-headline');
  await expect(headline.getByTestId('headline-cost-p50')).toHaveText(money.format(t.oneTimeCost.p50));
  await expect(headline.getByTestId('headline-cost-range')).toHaveText(`P10 ${money.format(t.oneTimeCost.p10)}P90 ${money.format(t.oneTimeCost.p90)}`);
  await expect(headline.getByTestId('headline-completion')).toHaveText(t.completion.p50);
  await expect(headline.getByTestId('headline-deadline-probability')).toHaveText(percent.format(t.deadlineProbability));
  await expect(headline.getByTestId('headline-counts')).toHaveText(`${t.counts.planned} planned`);
  await expect(headline.getByTestId('headline-blocked')).toHaveText(`${t.counts.blocked} blocked`);
  await expect(headline.getByTestId('headline-out-of-scope')).toHaveText(`${t.counts.outOfScope} out of scope`);
  const runRate = headline.getByTestId('headline-run-rate');
  if (t.unpriced.after > 0) {
    await expect(runRate).toHaveText(`${money.format(t.monthlyCostBeforePlanned)} → —`);
    await expect(headline.getByTestId('headline-unpriced')).toContainText(`${t.unpriced.after} of ${t.counts.planned} targets have no catalog price`);
  } else {
    await expect(runRate).toHaveText(`${money.format(t.monthlyCostBeforePlanned)} → ${money.format(t.monthlyCostAfter)}`);
  }

  // The Gantt: every wave, a bar per planned workload, the deadline line.
  const gantt = page.getByRole('img', { name: /Waves Gantt chart/ });
  await expect(gantt).toBeVisible();
  for (const wave of first.plan.waves) await expect(gantt.getByTestId(`gantt-wave-${wave.number}`)).toBeVisible();
  const planned = first.plan.workloads.filter((w) => w.status === 'planned');
  await expect(gantt.locator('[data-testid^="gantt-bar-"]')).toHaveCount(planned.length);
  await expect(gantt.getByTestId('gantt-deadline')).toContainText('deadline 2027-05-30');

  // Blocked workloads are listed with every reason.
  const blocked = first.plan.workloads.find((w) => w.status === 'blocked');
  if (blocked) for (const reason of blocked.reasons) await expect(page.getByTestId('blocked')).toContainText(reason);
  await expect(page.getByRole('table', { name: /Risk heat map/ })).toBeVisible();
  await expect(page.getByTestId('assumptions')).toContainText('200 iterations, seed 7');

  // 2. Exclude a planned workload: the scenario re-runs and it is out of scope.
  const victim = planned[0]!;
  const row = page.getByTestId(`plan-row-${victim.id}`);
  await expect(row.getByTestId('plan-status')).toHaveText('Planned');
  await row.getByRole('button', { name: `Details and overrides for ${victim.id}` }).click();
  await page.getByRole('group', { name: `Overrides for ${victim.id}` }).getByRole('button', { name: 'Exclude from plan' }).click();
  await expect(row.getByTestId('plan-status')).toHaveText('Out of scope', { timeout: 30_000 });
  await expect(row).toContainText('excluded');
  await expect(page.getByTestId('headline-counts')).toHaveText(`${t.counts.planned - 1} planned`);
  await expect(page.getByTestId('headline-out-of-scope')).toHaveText(`${t.counts.outOfScope + 1} out of scope`);
  await expect(gantt.getByTestId(`gantt-bar-${victim.id}`)).toHaveCount(0);
  const second = await latestPlan(request);
  expect(second.id).not.toBe(first.id);
  expect(second.plan.workloads.find((w) => w.id === victim.id)!.status).toBe('out_of_scope');
  await expect(page.getByTestId('assumptions')).toContainText(`${victim.id}: excluded`);
  await expect(page.getByTestId('plan-title')).toContainText(`#${second.id} Baseline`);

  await page.setViewportSize({ width: 1360, height: 2000 });
  await page.getByRole('form', { name: 'Scenario' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/plan.png' });
  await page.setViewportSize({ width: 1360, height: 860 });

  // The override is kept with the scenario: running "Baseline" again from the form keeps it out.
  await runScenario(page, { name: 'Baseline' });
  await expect(page.getByTestId(`plan-row-${victim.id}`).getByTestId('plan-status')).toHaveText('Out of scope');

  // 3. A second scenario: one provider for everything.
  await runScenario(page, { name: 'Single provider', strategy: 'single-provider' });
  const single = await latestPlan(request);
  expect(single.plan.scenario.strategy).toBe('single-provider');
  await expect(page.getByTestId('headline-cost-p50')).toHaveText(money.format(single.plan.totals.oneTimeCost.p50));

  // 4. Compare: the newest plan of each scenario, side by side, best per row marked.
  await page.getByRole('button', { name: /^Compare/ }).click();
  const table = page.getByRole('table', { name: 'Plan comparison' });
  await expect(table.locator('thead th')).toHaveCount(3);
  await expect(table.locator('thead th').nth(1)).toContainText('Single provider');
  await expect(table.locator('thead th').nth(2)).toContainText('Baseline');
  await expect(table.getByTestId('compare-strategy')).toContainText('Single provider');
  await expect(table.getByTestId('compare-strategy')).toContainText('Best fit per workload');
  const baseline = await request
    .post(`${served.origin}/api/call/plan.list`, { headers: { Authorization: `Bearer ${served.token}` }, data: {} })
    .then(async (r) => ((await r.json()) as { result: { id: number; scenarioName: string; summary: { oneTimeCost: { p50: number }; counts: { planned: number } } }[] }).result.find((p) => p.scenarioName === 'Baseline')!);
  const costRow = table.getByTestId('compare-cost-p50');
  await expect(costRow.getByRole('cell').nth(0)).toContainText(money.format(single.plan.totals.oneTimeCost.p50));
  await expect(costRow.getByRole('cell').nth(1)).toContainText(money.format(baseline.summary.oneTimeCost.p50));
  // The lower P50 cost is the one marked best (unless both are equal).
  const cheaper = single.plan.totals.oneTimeCost.p50 < baseline.summary.oneTimeCost.p50 ? 0 : 1;
  if (single.plan.totals.oneTimeCost.p50 !== baseline.summary.oneTimeCost.p50) {
    await expect(costRow.getByRole('cell').nth(cheaper)).toHaveAttribute('data-best', 'true');
    await expect(costRow.getByRole('cell').nth(1 - cheaper)).not.toHaveAttribute('data-best', 'true');
  }
  await expect(table.getByTestId('compare-planned').getByRole('cell').nth(1)).toHaveText(new RegExp(`(^|\\s)${baseline.summary.counts.planned}(\\s|$)`));

  // Choosing plans: untick one and only one column is left.
  await page.getByRole('checkbox', { name: /Single provider/ }).uncheck();
  await expect(table.locator('thead th')).toHaveCount(2);
  await page.getByRole('checkbox', { name: /Single provider/ }).check();
  await expect(table.locator('thead th')).toHaveCount(3);
  await page.setViewportSize({ width: 1360, height: 1150 });
  await page.screenshot({ path: 'docs/screenshots/compare.png' });
});

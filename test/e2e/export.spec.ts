import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { serve, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serve();
});
test.afterAll(async () => {
  await served.stop();
});

test('the Plan view exports the selected plan as a download, with progress and a notice', async ({ page, request }) => {
  // A plan to export, made through the API as any face would.
  const run = await request.post(`${served.origin}/api/call/plan.run`, {
    headers: { Authorization: `Bearer ${served.token}` },
    data: { scenario: { name: 'Export test', startDate: '2027-01-04', deadline: '2027-07-01', iterations: 200, seed: 3 } },
  });
  expect((await run.json()).ok).toBe(true);

  await page.goto(served.url);
  await page.getByRole('button', { name: /^Plan/ }).click();
  await expect(page.getByLabel('Export format')).toBeVisible();

  await page.getByLabel('Export format').selectOption('csv');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export…' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^bridgehead-plan-\d+-export-test\.csv$/);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.split(/\r?\n/)[0]).toMatch(/^id,name,status,eligibility,/);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText('.csv');

  await page.getByLabel('Export format').selectOption('xlsx');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export…' }).click()]);
  expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
});

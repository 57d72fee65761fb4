/** The inventory table stays responsive at 100,000 workloads: pages load as the user scrolls. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { bigInventoryCsv } from '../helpers/big-inventory';
import { serve, type Served } from './serve';

const ROWS = 100_000;
let served: Served;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(join(tmpdir(), 'bridgehead-large-'));
  writeFileSync(join(dir, 'big.csv'), bigInventoryCsv(ROWS));
  execFileSync(process.execPath, ['bin/bridgehead.js', 'import', join(dir, 'big.csv'), '--workspace', join(dir, 'big.bridgehead')]);
  served = await serve(['--workspace', join(dir, 'big.bridgehead')]);
});
test.afterAll(async () => {
  await served.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a 100,000-row inventory scrolls, sorts and filters', async ({ page }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('workload-count')).toHaveText('100,000 shown of 100,000 workloads');
  // Only a window of rows is in the page, however long the inventory.
  expect(await page.locator('[role=row][aria-rowindex]').count()).toBeLessThan(200);

  // Jump to the end: the last workload is fetched and drawn.
  const scroller = page.getByTestId('inventory-scroller');
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.getByRole('row').filter({ hasText: 'WL-099999' })).toBeVisible();

  // Sort by id descending and filter by free text and a facet, all answered from SQL.
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: /ID/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.locator('[role=row][aria-rowindex="2"]')).toContainText('WL-099999');
  await page.getByRole('searchbox', { name: 'Search workloads' }).fill('WL-0421');
  await expect(page.getByTestId('workload-count')).toHaveText('100 shown of 100,000 workloads');
  await page.getByLabel('Filter by classification').selectOption('top_secret');
  await expect(page.getByTestId('workload-count')).toContainText(/^\d+ shown of 100,000 workloads$/);
});

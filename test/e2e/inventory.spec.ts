import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serve, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serve();
});
test.afterAll(async () => {
  await served.stop();
});

const MESSY = join(process.cwd(), 'test', 'fixtures', 'e2e', 'messy-inventory.csv');

test('import a messy CSV: read its errors, import the valid rows, filter, open the vendor view', async ({ page }) => {
  await page.goto(served.url);
  // The demo inventory (about 30 workloads) once the workspace has loaded.
  await expect(page.getByTestId('workload-count')).toHaveText(/shown of [1-9]\d+ workloads/);
  const before = Number((await page.getByTestId('workload-count').innerText()).match(/of ([\d,]+)/)![1]!.replace(/,/g, ''));
  expect(before).toBeGreaterThan(20); // the demo inventory

  await page.getByTestId('import-file-input').setInputFiles(MESSY);
  const dialog = page.getByRole('dialog', { name: /Import inventory/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('UTF-8 with BOM');
  await expect(dialog).toContainText('semicolon-separated');

  // The errors name line, column, value and code; line numbers count the embedded line break.
  const errors = dialog.getByRole('table', { name: 'Import errors' });
  await expect(errors).toContainText('Underwater basket weaving');
  await expect(errors).toContainText('unknown_enum');
  await expect(errors).toContainText('bad_number');
  await expect(errors).toContainText('duplicate_id');
  await expect(errors.getByRole('row').filter({ hasText: 'Underwater basket weaving' })).toContainText('6');
  await expect(dialog.getByRole('list', { name: 'Import warnings' })).toContainText('MX-099');
  await expect(dialog.getByTestId('import-stats')).toContainText('4valid');
  await page.screenshot({ path: 'docs/screenshots/import-preview.png' });

  // With errors, nothing is imported until the user chooses the valid rows.
  const importButton = dialog.getByRole('button', { name: /^Import/ });
  await expect(importButton).toBeDisabled();
  await dialog.getByLabel(/Import only the valid rows/).check();
  await dialog.getByRole('button', { name: 'Import 4 valid rows' }).click();
  await expect(dialog.getByTestId('import-result')).toContainText('Imported 4 new');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByTestId('workload-count')).toContainText(`of ${before + 4}`);

  // Filter: free text, then a facet.
  await page.getByRole('searchbox', { name: 'Search workloads' }).fill('MX-');
  await expect(page.getByTestId('workload-count')).toContainText('4 shown');
  await page.getByLabel('Filter by classification').selectOption('top_secret');
  await expect(page.getByTestId('workload-count')).toContainText('1 shown');
  await expect(page.getByRole('row').filter({ hasText: 'Imagery triage' })).toBeVisible();
  await page.getByLabel('Filter by classification').selectOption('*');
  await page.getByRole('searchbox', { name: 'Search workloads' }).fill('');
  await expect(page.getByTestId('workload-count')).toContainText(`${before + 4} shown`);
  await page.screenshot({ path: 'docs/screenshots/inventory.png' });

  // Vendor view: the new workloads are there, with the dependency graph.
  await page.getByRole('button', { name: /^Vendor dependency/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vendor dependency');
  await expect(page.getByLabel('Vendor')).toHaveValue('anthropic');
  await expect(page.getByTestId('vendor-stats')).toContainText('workloads on anthropic');
  await expect(page.getByRole('img', { name: /Dependency graph/ })).toBeVisible();
  await expect(page.getByTestId('graph-node-MX-002')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/vendor-dependency.png', fullPage: true });
});

test('sorting the table by a column', async ({ page }) => {
  await page.goto(served.url);
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  // The rows reload from SQL in name order: the first ten names are in order (and there are ten).
  const names = () =>
    page.locator('[role=row][aria-rowindex] [role=cell]:nth-child(2)').evaluateAll((cells) => cells.slice(0, 10).map((c) => c.textContent ?? ''));
  const inOrder = (xs: string[]) => xs.every((x, i) => i === 0 || xs[i - 1]!.localeCompare(x, 'en', { sensitivity: 'base' }) <= 0);
  await expect.poll(async () => { const xs = await names(); return xs.length === 10 && !xs.includes('…') && inOrder(xs); }).toBe(true);
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => { const xs = await names(); return xs.length === 10 && inOrder([...xs].reverse()); }).toBe(true);
});

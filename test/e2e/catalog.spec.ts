/**
 * The catalog view in a browser against `bridgehead serve` (a fresh demo workspace): filter by
 * authorization level, edit a price and see it persist, and refresh prices from a file (diff
 * first, nothing changed until Apply; a wrong kind of file is refused).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serve, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serve();
});
test.afterAll(async () => {
  await served.stop();
});

const TS_AZURE = 'openai/gpt-4o@azure/azure-gov-top-secret';
const SONNET = 'anthropic/claude-sonnet-5@direct_api/global';
const GENAI_PRICES = join(process.cwd(), '..', 'shared', 'data', 'genai-prices-v2.json');

interface ApiOffering {
  id: string;
  authorization: { value: { maxClassification: string } };
}

async function openCatalog(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Catalog/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Catalog');
  await expect(page.getByTestId('offering-row').first()).toBeVisible();
}

async function apiOfferings(): Promise<ApiOffering[]> {
  const res = await fetch(`${served.origin}/api/call/catalog.get`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${served.token}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  return ((await res.json()) as { result: { catalog: { offerings: ApiOffering[] } } }).result.catalog.offerings;
}

const row = (page: Page, id: string) => page.locator(`[data-testid="offering-row"][data-offering-id="${id}"]`);

test('filter offerings authorized for top_secret, edit a price, reload and see it persist', async ({ page }) => {
  await page.goto(served.url);
  await openCatalog(page);
  const rows = page.getByTestId('offering-row');
  const all = await rows.count();
  const offerings = await apiOfferings();
  expect(all).toBe(offerings.length);

  await page.getByLabel('Filter by authorization level').selectOption('top_secret');
  const topSecret = offerings.filter((o) => o.authorization.value.maxClassification === 'top_secret').map((o) => o.id);
  expect(topSecret.length).toBeGreaterThan(0);
  expect(topSecret.length).toBeLessThan(all);
  await expect(rows).toHaveCount(topSecret.length);
  expect((await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-offering-id')))).sort()).toEqual([...topSecret].sort());
  for (const r of await rows.all()) await expect(r.getByTestId('auth-level')).toContainText('Top Secret');
  await expect(page.getByTestId('offering-count')).toContainText(`${topSecret.length} shown of ${all} offerings`);

  // Edit a price of one of them.
  await row(page, TS_AZURE).getByRole('button', { name: /^Edit / }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toContainText('Edit');
  const input = dialog.getByLabel('Input price ($ per million tokens)', { exact: true });
  await input.fill('2.75');
  await dialog.getByLabel(/^Note recorded with this change/).fill('Task order 12 price sheet');
  await dialog.getByLabel('Quality: Intelligence analysis').fill('78');
  await dialog.getByText('Limits and list prices').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'docs/screenshots/catalog-edit.png' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Saved');
  await expect(row(page, TS_AZURE).getByTestId('price-inputPerMTok')).toContainText('$2.75');
  await expect(row(page, TS_AZURE).getByTestId('quality')).toContainText('78');
  await page.getByLabel('Filter by authorization level').selectOption('*');
  await expect(rows).toHaveCount(all);
  // Tall enough to show the providers' policies and the first offerings together.
  await page.setViewportSize({ width: 1360, height: 1250 });
  await page.screenshot({ path: 'docs/screenshots/catalog.png' });
  await page.setViewportSize({ width: 1360, height: 860 });

  // A new page load reads it back from the workspace file.
  await page.reload();
  await openCatalog(page);
  const cell = row(page, TS_AZURE).getByTestId('price-inputPerMTok');
  await expect(cell).toContainText('$2.75');
  await expect(cell.getByRole('img')).toHaveAttribute('aria-label', /Confirmed · as of \d{4}-\d{2}-\d{2} · user edit\nTask order 12 price sheet/);
  await row(page, TS_AZURE).getByRole('button', { name: /^Edit / }).click();
  await expect(page.getByRole('dialog').getByLabel('Input price ($ per million tokens)', { exact: true })).toHaveValue('2.75');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A bad value is refused naming the field; nothing is saved.
  await row(page, TS_AZURE).getByRole('button', { name: /^Edit / }).click();
  await page.getByRole('dialog').getByLabel('Context window (tokens)').fill('-5');
  await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('contextWindow');
  await page.getByRole('button', { name: 'Cancel' }).click();
});

test('refresh from a price file: diff first, nothing changes until Apply; a wrong kind of file is refused', async ({ page }) => {
  expect(existsSync(GENAI_PRICES), `${GENAI_PRICES} (../shared/data beside the repository) is needed`).toBe(true);
  await page.goto(served.url);
  await openCatalog(page);
  const input = row(page, SONNET).getByTestId('price-inputPerMTok');
  await expect(input).toContainText('$2.00');

  // An inventory CSV is not a price file.
  await page.getByTestId('refresh-file-input').setInputFiles(join(process.cwd(), 'test', 'fixtures', 'catalog', 'inventory.csv'));
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('alert')).toContainText('looks like a CSV');
  await expect(dialog.getByRole('alert')).toContainText('Nothing was changed');
  await expect(dialog.getByRole('button', { name: /^Apply/ })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByTestId('refresh-file-input').setInputFiles(GENAI_PRICES);
  await expect(dialog.getByRole('table', { name: 'List price changes' })).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'List price changes' })).toContainText(SONNET);
  await page.screenshot({ path: 'docs/screenshots/catalog-refresh.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(input).toContainText('$2.00');

  await page.getByTestId('refresh-file-input').setInputFiles(GENAI_PRICES);
  await dialog.getByRole('button', { name: /^Apply/ }).click();
  await expect(dialog.getByTestId('refresh-result')).toContainText('genai-prices-v2.json');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(input).toContainText('$3.00');
  await page.getByText(/^Refresh log \(1\)/).click();
  await expect(page.getByRole('table', { name: 'Applied refreshes' })).toContainText('genai-prices-v2.json');
});

test('add a self-hosted offering with quality scores, give it a contract price, then remove it', async ({ page }) => {
  await page.goto(served.url);
  await openCatalog(page);
  const before = await page.getByTestId('offering-row').count();
  await page.getByRole('button', { name: 'Add offering…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Provider', { exact: true }).selectOption('meta');
  await dialog.getByLabel('Model', { exact: true }).fill('llama-3.3-70b-instruct');
  await dialog.getByLabel('Display name').fill('Llama 3.3 70B (SIPR enclave)');
  await dialog.getByLabel('Route', { exact: true }).selectOption('self_hosted');
  await dialog.getByLabel('Region', { exact: true }).fill('sipr-enclave');
  await dialog.getByLabel('Highest classification').selectOption('secret');
  await dialog.getByLabel('Impact level').selectOption('IL6');
  await dialog.getByLabel('Tool use').check();
  await dialog.getByLabel('Context window (tokens)').fill('128,000');
  await dialog.getByLabel('Quality: Logistics').fill('71');
  await dialog.getByRole('button', { name: 'Add offering' }).click();
  await expect(dialog).toBeHidden();

  const id = 'meta/llama-3.3-70b-instruct@self_hosted/sipr-enclave';
  await expect(page.getByTestId('offering-row')).toHaveCount(before + 1);
  await page.getByLabel('Filter by authorization level').selectOption('secret');
  const added = row(page, id);
  await expect(added.getByTestId('auth-level')).toContainText('Secret · IL6');
  await expect(added.getByTestId('quality')).toContainText('Logistics 71');
  await expect(added).toContainText('added');

  await added.getByRole('button', { name: /^Edit / }).click();
  await dialog.getByLabel('Contract input price ($ per million tokens)').fill('0.40');
  await dialog.getByRole('button', { name: 'Save contract price' }).click();
  await expect(dialog.getByRole('alert')).toContainText('reference');
  await dialog.getByLabel('Contract reference').fill('Enclave O&M task order 7');
  await dialog.getByRole('button', { name: 'Save contract price' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove contract price' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(added.getByTestId('price-inputPerMTok')).toContainText('$0.40');
  await expect(added.getByTestId('price-inputPerMTok')).toContainText('contract');

  await added.getByRole('button', { name: /^Edit / }).click();
  await dialog.getByRole('button', { name: 'Remove offering…' }).click();
  await dialog.getByRole('button', { name: 'Confirm: remove this offering' }).click();
  await expect(dialog).toBeHidden();
  await expect(added).toHaveCount(0);
  await page.getByLabel('Filter by authorization level').selectOption('*');
  await expect(page.getByTestId('offering-row')).toHaveCount(before);
});

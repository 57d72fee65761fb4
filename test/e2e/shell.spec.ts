import { expect, test } from '@playwright/test';
import { serve, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serve();
});
test.afterAll(async () => {
  await served.stop();
});

test('the printed URL renders the app shell with the demo workspace', async ({ page }) => {
  await page.goto(served.url);
  await expect(page.getByRole('navigation')).toBeVisible();
  for (const view of ['Inventory', 'Vendor dependency', 'Catalog', 'Plan', 'Compare']) {
    await expect(page.getByRole('button', { name: new RegExp(`^${view}`) })).toBeVisible();
  }
  await expect(page.getByTestId('workspace-name')).toContainText('workspace');
  await expect(page.getByTestId('workspace-name')).toContainText('demo');
  // The token leaves the address bar once read.
  expect(page.url()).not.toContain('token=');
  await page.screenshot({ path: 'docs/screenshots/app-shell.png' });
});

test('navigation switches views', async ({ page }) => {
  await page.goto(served.url);
  await page.getByRole('button', { name: /^Catalog/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Catalog');
  await expect(page.getByRole('button', { name: /^Catalog/ })).toHaveAttribute('aria-current', 'page');
});

test('a page opened without the token explains what to do', async ({ page }) => {
  await page.goto(served.origin + '/');
  await expect(page.getByRole('alert')).toContainText('bridgehead serve');
});

test('the API refuses requests without the token (401) or from a foreign host (403)', async ({ request }) => {
  const noToken = await request.post(`${served.origin}/api/call/workspace.info`, { data: {} });
  expect(noToken.status()).toBe(401);
  const foreign = await request.post(`${served.origin}/api/call/workspace.info`, {
    data: {},
    headers: { Authorization: `Bearer ${served.token}`, Host: 'attacker.example' },
  });
  expect(foreign.status()).toBe(403);
});

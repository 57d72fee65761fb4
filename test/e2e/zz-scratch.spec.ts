import { expect, test } from '@playwright/test';
import { serve } from './serve';

test('scratch', async ({ page }) => {
  const s = await serve();
  try {
    await page.setViewportSize({ width: 1360, height: 1400 });
    await page.goto(s.url);
    await page.getByRole('button', { name: /^Plan/ }).click();
    const form = page.getByRole('form', { name: 'Scenario' });
    await form.getByLabel('Iterations').fill('200');
    await form.getByLabel('Start').fill('2026-12-01');
    await form.getByLabel('Deadline').fill('2027-05-30');
    await form.getByRole('button', { name: 'Run plan' }).click();
    await page.getByTestId('plan-headline').waitFor();
    const row = page.getByTestId('plan-row-IA-002');
    console.log('before', await row.innerText());
    await row.getByRole('button', { name: /Details/ }).click();
    const group = page.getByRole('group', { name: 'Overrides for IA-002' });
    const pinTo = await group.getByLabel('Pin target for IA-002').inputValue();
    console.log('pin to', pinTo);
    await group.getByRole('button', { name: 'Pin and re-plan' }).click();
    await expect(row).toContainText('pinned', { timeout: 20000 });
    console.log('after pin', await row.innerText());
    await page.getByRole('group', { name: 'Overrides for IA-002' }).getByRole('button', { name: 'Move and re-plan' }).click();
    await expect(row).toContainText('wave ≥', { timeout: 20000 });
    console.log('after move', await row.innerText());
    await page.getByTestId('plan-row-IA-002').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/shots/override.png' });
    const warnings = await page.getByTestId('plan-warnings').innerText();
    console.log(warnings);
  } finally {
    await s.stop();
  }
});

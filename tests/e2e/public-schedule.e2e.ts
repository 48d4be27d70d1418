import { expect, test } from '@playwright/test';
import { fixtures } from './helpers';

test('the public schedule gives each phase’s start with its time and zone', async ({ page }) => {
	const { roundSlug } = fixtures();
	await page.goto(`/rounds/${roundSlug}`);
	const starts = page.locator('.timeline .when');
	// Eight scheduled phases, from the needs call to the close.
	await expect(starts).toHaveCount(8);
	for (const text of await starts.allTextContents()) expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 北京时间$/);
	await page.getByRole('button', { name: 'English' }).click();
	await expect(starts.first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} Beijing time$/);
});

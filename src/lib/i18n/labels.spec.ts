import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMessageKey, translate, type MessageKey } from './index';

/** Every .svelte file under src/. */
function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return svelteFiles(path);
		return path.endsWith('.svelte') ? [path] : [];
	});
}

/** The catalogue keys the pages use as a form field's label. */
function labelKeys(): Set<string> {
	const keys = new Set<string>();
	const patterns = [/label=\{t\('([\w.]+)'/g, /label: t\('([\w.]+)'/g, /<label[^>]*>\s*\{t\('([\w.]+)'/g];
	for (const file of svelteFiles('src')) {
		const source = readFileSync(file, 'utf8');
		for (const pattern of patterns) for (const m of source.matchAll(pattern)) keys.add(m[1]);
	}
	return keys;
}

/** Words that say "optional" in a label: the field components add the one marker themselves. */
const OPTIONAL_ZH = /选填|可选|可留空|可不填/;
const OPTIONAL_EN = /optional/i;

describe('field labels', () => {
	it('never say "optional" themselves: the field adds one marker, so no label shows two', () => {
		const keys = [...labelKeys()];
		// Labels given as label={t('…')}, label: t('…') and <label>{t('…')}: a pattern that stops
		// matching fails here instead of passing on nothing.
		expect(keys.length).toBeGreaterThan(150);
		const unknown = keys.filter((k) => !isMessageKey(k));
		expect(unknown).toEqual([]);
		const doubled = keys.filter(
			(k) => isMessageKey(k) && (OPTIONAL_ZH.test(translate('zh-CN', k)) || OPTIONAL_EN.test(translate('en', k)))
		);
		expect(doubled).toEqual([]);
	});

	it('the marker itself is one word in each language', () => {
		expect(translate('zh-CN', 'common.optional')).toBe('（选填）');
		expect(translate('en', 'common.optional')).toBe('(optional)');
	});
});

describe('labels of stored keys', () => {
	it('name every value of their list in both languages, and show an unknown value as itself', async () => {
		const labels = await import('./labels');
		const { URGENCIES, SERVICE_CATEGORIES, ORGANISATION_KINDS } = await import('../domain/catalogue');
		const { BUDGET_CATEGORIES } = await import('../domain/budget');
		const { PHASES } = await import('../domain/phases');
		const { LINE_REASONS } = await import('../domain/funding-line');
		const { NEED_STATUSES } = await import('../domain/need-status');
		const { PROPOSAL_STAGES, RECORD_STATUSES } = await import('../domain/status');
		const lists: [(t: (k: MessageKey) => string, v: string) => string, readonly string[]][] = [
			[labels.urgencyLabel, URGENCIES],
			[labels.needStatusLabel, NEED_STATUSES],
			[labels.phaseLabel, PHASES],
			[labels.categoryLabel, SERVICE_CATEGORIES],
			[labels.budgetCategoryLabel, BUDGET_CATEGORIES],
			[labels.lineReasonLabel, LINE_REASONS],
			[labels.proposalStatusLabel, RECORD_STATUSES],
			[labels.stageLabel, PROPOSAL_STAGES],
			[labels.orgKindLabel, ORGANISATION_KINDS]
		];
		let named = 0;
		for (const locale of ['zh-CN', 'en'] as const) {
			const t = (key: MessageKey) => translate(locale, key);
			for (const [label, values] of lists) {
				for (const value of values) {
					const words = label(t, value);
					// The catalogue answers an unknown key with the key itself (`urgency.low`).
					expect(words, `${value} in ${locale}`).not.toMatch(/^\w+(\.\w+)+$/);
					expect(words).not.toBe(value);
					named++;
				}
				expect(label(t, 'not-a-stored-key')).toBe('not-a-stored-key');
			}
		}
		expect(named).toBe(2 * lists.reduce((n, [, values]) => n + values.length, 0));
		expect(translate('zh-CN', 'budget.category.admin')).toBe('行政');
		expect(labels.urgencyLabel((k) => translate('zh-CN', k), 'high')).toBe(translate('zh-CN', 'urgency.high'));
	});
});

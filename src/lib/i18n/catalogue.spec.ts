import { describe, expect, it } from 'vitest';
import { isMessageKey, messageKeys } from './index';
import { catalogue, localeMessages } from './catalogue';

type Catalogue = Record<string, { zh: string; en: string }>;

// Every message file, found on disk: a file added later is checked without being listed here.
const files = import.meta.glob<Record<string, Catalogue>>('./messages/*.ts', { eager: true });

describe('the message catalogue', () => {
	const owners = new Map<string, string[]>();
	for (const [file, exports] of Object.entries(files)) {
		for (const messages of Object.values(exports)) {
			for (const key of Object.keys(messages)) owners.set(key, [...(owners.get(key) ?? []), file]);
		}
	}

	it('finds every message file', () => {
		expect(Object.keys(files).length).toBeGreaterThanOrEqual(11);
		expect(owners.size).toBeGreaterThan(1000);
	});

	it('defines each key in one file only (a second definition would silently overwrite the first)', () => {
		const twice = [...owners].filter(([, where]) => where.length > 1).map(([key, where]) => `${key}: ${where.join(', ')}`);
		expect(twice).toEqual([]);
	});

	it('serves every key of every file, in both languages', () => {
		const missing = [...owners.keys()].filter((key) => !isMessageKey(key));
		expect(missing).toEqual([]);
		for (const exports of Object.values(files)) {
			for (const messages of Object.values(exports)) {
				for (const [key, text] of Object.entries(messages)) {
					expect(text.zh, key).toBeTruthy();
					expect(text.en, key).toBeTruthy();
				}
			}
		}
	});

	it('gives each language its own words for every key, and nothing of the other language', () => {
		const keys = messageKeys();
		expect(keys.length).toBe(owners.size);
		const zh = localeMessages('zh-CN');
		const en = localeMessages('en');
		expect(Object.keys(zh)).toEqual(keys);
		expect(Object.keys(en)).toEqual(keys);
		expect(zh['results.backToRound']).toBe('返回轮次页面');
		expect(en['results.backToRound']).toBe('Back to the round');
		const crossed = keys.filter((key) => zh[key] !== catalogue[key].zh || en[key] !== catalogue[key].en);
		expect(crossed).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { isMessageKey } from './index';

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
});

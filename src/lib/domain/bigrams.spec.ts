import { describe, expect, it } from 'vitest';
import { bigrams, fieldBigrams } from './bigrams';

describe('character pairs', () => {
	it('takes every two adjacent characters once, lower-cased', () => {
		expect(bigrams('关爱老人')).toEqual(['关爱', '爱老', '老人']);
		expect(bigrams('老人老人')).toEqual(['老人', '人老']);
		expect(bigrams('WiFi')).toEqual(['wi', 'if', 'fi']);
		expect(bigrams('老')).toEqual([]);
	});

	it('counts a character outside the basic plane as one character', () => {
		expect(bigrams('𠮷野')).toEqual(['𠮷野']);
	});

	it('never joins the end of one field to the start of the next', () => {
		expect(fieldBigrams(['独居老', '人'])).toEqual(['独居', '居老']);
	});
});

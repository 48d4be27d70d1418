import { describe, expect, it } from 'vitest';
import { messageParts, translate } from './index';

describe('messages with a person’s text in them', () => {
	it('come in pieces, the filled-in text apart from the app’s own words', () => {
		expect(messageParts('zh-CN', 'objections.project', { title: 'مسنين' })).toEqual([
			{ text: '项目：', param: false },
			{ text: 'مسنين', param: true }
		]);
		expect(messageParts('en', 'needs.detail.people', { count: 30 })).toEqual([
			{ text: ' (about ', param: false },
			{ text: '30', param: false },
			{ text: ' people)', param: false }
		]);
	});

	it('read the same joined up as translate gives them', () => {
		const params = { title: '长者助餐', name: '王', contact: '1', phase: 'review' };
		for (const key of ['objections.project', 'objections.from', 'err.phaseClosed'] as const) {
			expect(messageParts('zh-CN', key, params).map((p) => p.text).join('')).toBe(translate('zh-CN', key, params));
		}
		expect(translate('zh-CN', 'err.phaseClosed', { phase: 'review' })).toContain('专家评审');
	});
});

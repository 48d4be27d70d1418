import { describe, expect, it } from 'vitest';
import { createI18n, messageParts, translate } from './index';

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

describe('deadlines', () => {
	it('read with their time and zone, not the date alone', () => {
		const at = '2026-12-15T01:00:00.000Z';
		expect(createI18n(() => 'zh-CN').when(at, 'Asia/Shanghai')).toBe('2026-12-15 09:00 北京时间');
		expect(createI18n(() => 'en').when(at, 'Asia/Shanghai')).toBe('2026-12-15 09:00 Beijing time');
		expect(createI18n(() => 'zh-CN').when(at, 'Europe/Berlin')).toBe('2026-12-15 02:00 Europe/Berlin');
	});
});

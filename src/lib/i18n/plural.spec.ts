import { describe, expect, it } from 'vitest';
import { translate } from './index';
import { common } from './messages/common';
import { auth } from './messages/auth';
import { admin } from './messages/admin';
import { rounds } from './messages/rounds';
import { needs } from './messages/needs';
import { proposals } from './messages/proposals';
import { review } from './messages/review';
import { organisations } from './messages/organisations';
import { results } from './messages/results';
import { files } from './messages/files';

describe('plural forms', () => {
	it('choose the English form by the number, and leave Chinese alone', () => {
		expect(translate('en', 'needs.board.total', { total: 1 })).toBe('1 need');
		expect(translate('en', 'needs.board.total', { total: 0 })).toBe('0 needs');
		expect(translate('en', 'needs.board.total', { total: 12 })).toBe('12 needs');
		expect(translate('en', 'places.imported', { rows: 1, added: 3 })).toBe('Read 1 row; added 3 places.');
		expect(translate('en', 'notice.reviewReminder', { count: 1, round: '2026 微创投', deadline: '2026-12-15 09:00' })).toBe(
			'Reminder: 1 review in “2026 微创投” is not submitted yet; the deadline is 2026-12-15 09:00.'
		);
		expect(translate('en', 'notice.reviewReminder', { count: 4, round: 'R', deadline: 'D' })).toBe(
			'Reminder: 4 reviews in “R” are not submitted yet; the deadline is D.'
		);
		expect(translate('en', 'needs.track.answered', { count: 1 })).toBe('1 proposal answers this need');
		expect(translate('en', 'needs.track.answered', { count: 2 })).toBe('2 proposals answer this need');
		expect(translate('zh-CN', 'needs.board.total', { total: 1 })).toBe('共 1 项需求');
	});

	it('replace every “(s)” in the English catalogue', () => {
		const english = [common, auth, admin, rounds, needs, proposals, review, organisations, results, files].flatMap((m) => Object.values(m)).map((m) => m.en);
		expect(english.length).toBeGreaterThan(500);
		expect(english.filter((en) => en.includes('(s)'))).toEqual([]);
		// The 13 messages that had “(s)” now have plural forms (two of them two each), each with
		// both variants.
		const forms = english.flatMap((en) => [...en.matchAll(/\{\w+, plural, one \{[^{}]*\} other \{[^{}]*\}\}/g)]);
		expect(english.filter((en) => en.includes(', plural,'))).toHaveLength(13);
		expect(forms).toHaveLength(15);
	});
});

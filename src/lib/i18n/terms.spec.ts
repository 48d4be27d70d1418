import { describe, expect, it } from 'vitest';
import { messageKeys, translate } from './index';
import { TRIMMED_MEAN_NAME } from '../domain/scoring';
import { SCORE_ROUNDING } from '../domain/rounding';

/** Other names the trimmed mean has gone by, in either language. */
const OTHER_NAMES = /截尾|修剪|切尾|去掉最高最低后的平均|trimmed average|truncated mean/i;

describe('the trimmed mean', () => {
	it('has one name across the UI and the published rounding notes', () => {
		const keys = messageKeys();
		expect(keys.length).toBeGreaterThan(500);
		const texts = [
			...keys.flatMap((k) => [translate('zh-CN', k), translate('en', k)]),
			...SCORE_ROUNDING.steps.flatMap((s) => [s.zh, s.en])
		];
		expect(texts.filter((t) => OTHER_NAMES.test(t))).toEqual([]);
		const naming = keys.filter((k) => translate('zh-CN', k).includes(TRIMMED_MEAN_NAME.zh));
		// The score columns, the ranking choice, the basis on the decision, the public score rule.
		expect(naming.length).toBeGreaterThanOrEqual(4);
		for (const key of naming) expect(translate('en', key).toLowerCase(), key).toContain(TRIMMED_MEAN_NAME.en);
	});
});

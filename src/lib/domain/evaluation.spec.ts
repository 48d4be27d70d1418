import { describe, expect, it } from 'vitest';
import { EVALUATION_RUBRIC, combineEvaluations, gradeOf, lastTrancheWithheld, publicGrade, scoresRefusal, totalHundredths } from './evaluation';

const all = (s: number) => ({ goals: s, feedback: s, budget: s, documentation: s, sustainability: s });

describe('evaluation grading', () => {
	it('has a rubric of five criteria whose weights add up to 100', () => {
		expect(EVALUATION_RUBRIC.map((c) => c.key)).toEqual(['goals', 'feedback', 'budget', 'documentation', 'sustainability']);
		expect(EVALUATION_RUBRIC.reduce((a, c) => a + c.weight, 0)).toBe(100);
	});

	it('weights each 0–10 score to a total out of 100, kept in hundredths', () => {
		expect(totalHundredths(all(10))).toBe(10_000);
		expect(totalHundredths(all(0))).toBe(0);
		// goals 30 × 0.9 + feedback 20 × 0.8 + budget 20 × 0.7 + documentation 15 × 0.6 + sustainability 15 × 0.5 = 73.5
		expect(totalHundredths({ goals: 9, feedback: 8, budget: 7, documentation: 6, sustainability: 5 })).toBe(7_350);
	});

	it('grades at 90 / 80 / 60, a boundary counting for the higher grade', () => {
		expect(gradeOf(10_000)).toBe('excellent');
		expect(gradeOf(9_000)).toBe('excellent');
		expect(gradeOf(8_999)).toBe('good');
		expect(gradeOf(8_000)).toBe('good');
		expect(gradeOf(7_999)).toBe('pass');
		expect(gradeOf(6_000)).toBe('pass');
		expect(gradeOf(5_999)).toBe('fail');
		expect(gradeOf(0)).toBe('fail');
	});

	it('refuses a missing criterion or a score outside 0–10 or not whole', () => {
		expect(scoresRefusal(all(7))).toBeNull();
		expect(scoresRefusal({ goals: 7, feedback: 7, budget: 7, documentation: 7 })).toEqual({ key: 'sustainability', why: 'missing' });
		expect(scoresRefusal({ ...all(7), budget: 11 })).toEqual({ key: 'budget', why: 'range' });
		expect(scoresRefusal({ ...all(7), goals: -1 })).toEqual({ key: 'goals', why: 'range' });
		expect(scoresRefusal({ ...all(7), feedback: 7.5 })).toEqual({ key: 'feedback', why: 'range' });
	});

	it('combines several evaluators by the mean of their totals, once all of them are in', () => {
		expect(combineEvaluations([])).toEqual({ assigned: 0, submitted: 0, meanHundredths: null, grade: null });
		expect(combineEvaluations([9_000, null])).toEqual({ assigned: 2, submitted: 1, meanHundredths: null, grade: null });
		// 优秀 and 合格: the mean 77.50 is 合格, not either evaluator's grade alone.
		expect(combineEvaluations([9_500, 6_000])).toEqual({ assigned: 2, submitted: 2, meanHundredths: 7_750, grade: 'pass' });
		// A mean on a boundary after rounding half up: (7,999 + 8,000) / 2 = 7,999.5 → 8,000 良好.
		expect(combineEvaluations([7_999, 8_000]).grade).toBe('good');
		expect(combineEvaluations([5_000]).grade).toBe('fail');
	});

	it('withholds the last tranche only on a final 不合格 not overridden', () => {
		expect(lastTrancheWithheld('fail', false)).toBe(true);
		expect(lastTrancheWithheld('fail', true)).toBe(false);
		expect(lastTrancheWithheld('pass', false)).toBe(false);
		expect(lastTrancheWithheld(null, false)).toBe(false);
	});

	it('shows the public the final grade once there is one, else the mid-term grade', () => {
		expect(publicGrade({ midterm: 'good', final: null })).toEqual({ kind: 'midterm', grade: 'good' });
		expect(publicGrade({ midterm: 'good', final: 'fail' })).toEqual({ kind: 'final', grade: 'fail' });
		expect(publicGrade({})).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { isLate, moveAllowed, needsExplanation, reminderDue, reportOnPlan, unexplainedLines, type ReportPlan } from './project-reports';

const plan: ReportPlan = {
	activities: [{ name: '四点半课堂', startMonth: '2026-03', endMonth: '2026-12' }],
	indicators: [{ name: '服务人次', target: '1200', unit: '人次' }],
	lines: [
		{ item: '教材', budgetFen: 100_000 },
		{ item: '场地', budgetFen: 200_000 }
	]
};

describe('report rules', () => {
	it('asks for an explanation only where a line differs from its budget by more than 10 %', () => {
		expect(needsExplanation({ budgetFen: 100_000, actualFen: 110_000 })).toBe(false);
		expect(needsExplanation({ budgetFen: 100_000, actualFen: 110_001 })).toBe(true);
		expect(needsExplanation({ budgetFen: 100_000, actualFen: 90_000 })).toBe(false);
		expect(needsExplanation({ budgetFen: 100_000, actualFen: 89_999 })).toBe(true);
		const content = reportOnPlan(plan);
		content.lines[0].actualFen = 150_000;
		content.lines[1].actualFen = 200_000;
		expect(unexplainedLines(content)).toEqual([0]);
		content.lines[0].explanation = '教材涨价';
		expect(unexplainedLines(content)).toEqual([]);
	});

	it('keeps the plan’s rows and names whatever the form sent', () => {
		const earlier = reportOnPlan(plan);
		earlier.lines[0] = { item: '改过的名字', budgetFen: 1, actualFen: 99_000, explanation: '' };
		const again = reportOnPlan(plan, { ...earlier, lines: [...earlier.lines, { item: '多出来的', budgetFen: 0, actualFen: 5, explanation: '' }] });
		expect(again.lines).toEqual([
			{ item: '教材', budgetFen: 100_000, actualFen: 99_000, explanation: '' },
			{ item: '场地', budgetFen: 200_000, actualFen: 0, explanation: '' }
		]);
	});

	it('allows the station to write drafts and returned reports, the admin to review submitted ones', () => {
		expect(moveAllowed('submit', null)).toBe(true);
		expect(moveAllowed('submit', 'returned')).toBe(true);
		expect(moveAllowed('save', 'submitted')).toBe(false);
		expect(moveAllowed('save', 'accepted')).toBe(false);
		expect(moveAllowed('accept', 'draft')).toBe(false);
		expect(moveAllowed('return', 'submitted')).toBe(true);
		expect(moveAllowed('accept', 'accepted')).toBe(false);
	});

	it('flags a report late once its due date passed unsubmitted, and keeps a late submission flagged', () => {
		const due = '2026-06-30T16:00:00.000Z';
		expect(isLate(due, null, new Date('2026-06-30T15:59:59Z'))).toBe(false);
		expect(isLate(due, null, new Date('2026-06-30T16:00:01Z'))).toBe(true);
		expect(isLate(due, '2026-06-29T00:00:00Z', new Date('2026-08-01T00:00:00Z'))).toBe(false);
		expect(isLate(due, '2026-07-02T00:00:00Z', new Date('2026-08-01T00:00:00Z'))).toBe(true);
	});

	it('reminds within the two weeks before the due date, once, and not of a report already in', () => {
		const due = '2026-06-30T16:00:00.000Z';
		expect(reminderDue(due, null, null, new Date('2026-06-10T00:00:00Z'))).toBe(false);
		expect(reminderDue(due, 'draft', null, new Date('2026-06-20T00:00:00Z'))).toBe(true);
		expect(reminderDue(due, 'draft', '2026-06-20T00:00:00Z', new Date('2026-06-21T00:00:00Z'))).toBe(false);
		expect(reminderDue(due, 'submitted', null, new Date('2026-06-20T00:00:00Z'))).toBe(false);
		expect(reminderDue(due, null, null, new Date('2026-07-01T00:00:00Z'))).toBe(false);
	});
});

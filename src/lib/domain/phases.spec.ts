import { describe, expect, it } from 'vitest';
import { currentPhase, nextPhase, scheduleErrors, scheduledPhase, type Schedule } from './phases';

const schedule: Schedule = {
	needs_call_at: '2026-03-01T01:00:00.000Z',
	applications_at: '2026-04-01T01:00:00.000Z',
	eligibility_at: '2026-05-01T01:00:00.000Z',
	review_at: '2026-05-15T01:00:00.000Z',
	decision_at: '2026-06-01T01:00:00.000Z',
	notice_at: '2026-06-08T01:00:00.000Z',
	implementation_at: '2026-06-15T01:00:00.000Z',
	closed_at: '2027-06-15T01:00:00.000Z'
};

describe('round phases', () => {
	it('is draft before the needs call and follows the schedule after', () => {
		expect(scheduledPhase(schedule, new Date('2026-02-28T00:00:00Z'))).toBe('draft');
		expect(scheduledPhase(schedule, new Date('2026-03-01T01:00:00Z'))).toBe('needs_call');
		expect(scheduledPhase(schedule, new Date('2026-04-30T23:59:59Z'))).toBe('applications');
		expect(scheduledPhase(schedule, new Date('2026-05-20T00:00:00Z'))).toBe('review');
		expect(scheduledPhase(schedule, new Date('2030-01-01T00:00:00Z'))).toBe('closed');
	});

	it('closes the applications at the instant the deadline passes', () => {
		expect(scheduledPhase(schedule, new Date(Date.parse(schedule.eligibility_at) - 1))).toBe('applications');
		expect(scheduledPhase(schedule, new Date(schedule.eligibility_at))).toBe('eligibility');
	});

	it('lets an admin override win over the schedule', () => {
		const now = new Date('2026-03-10T00:00:00Z');
		expect(currentPhase({ ...schedule, phase_override: 'review' }, now)).toBe('review');
		expect(currentPhase({ ...schedule, phase_override: null }, now)).toBe('needs_call');
		expect(currentPhase({ ...schedule, phase_override: 'bogus' }, now)).toBe('needs_call');
	});

	it('knows the next phase', () => {
		expect(nextPhase('draft')).toBe('needs_call');
		expect(nextPhase('closed')).toBeNull();
	});

	it('finds phases that do not start after the one before', () => {
		expect(scheduleErrors(schedule)).toEqual([]);
		expect(scheduleErrors({ ...schedule, review_at: schedule.eligibility_at })).toEqual(['review']);
		expect(scheduleErrors({ ...schedule, closed_at: 'nope' })).toEqual(['closed']);
	});
});

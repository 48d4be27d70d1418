import { describe, expect, it } from 'vitest';
import { PHASES, type Phase } from './phases';
import { needStage, proposalStage, stageIsFinal, PROPOSAL_STAGES, type RoundDecisionState } from './status';

const state = (phase: Phase, noticePublished = false, final = false): RoundDecisionState => ({ phase, noticePublished, final });

describe('proposalStage', () => {
	it('follows a funded proposal through every phase, never final during the notice', () => {
		const walk: [RoundDecisionState, Parameters<typeof proposalStage>[0]][] = [
			[state('applications'), 'draft'],
			[state('applications'), 'submitted'],
			[state('eligibility'), 'submitted'],
			[state('eligibility'), 'eligible'],
			[state('review'), 'eligible'],
			[state('decision'), 'eligible'],
			// The line is drawn (stored as funded) but not public yet.
			[state('decision'), 'funded'],
			[state('notice', true), 'funded'],
			[state('notice', true, true), 'funded'],
			[state('implementation', true, true), 'funded'],
			[state('closed', true, true), 'funded']
		];
		const stages = walk.map(([s, status]) => proposalStage(status, s));
		expect(stages).toEqual([
			'draft',
			'submitted',
			'awaiting_check',
			'eligible',
			'in_review',
			'deciding',
			'deciding',
			'notice_funded',
			'funded',
			'implementing',
			'completed'
		]);
		expect(stages.slice(0, 8).some(stageIsFinal)).toBe(false);
	});

	it('says "proposed / not proposed" on the notice and "not funded" only once confirmed', () => {
		expect(proposalStage('not_funded', state('notice', true))).toBe('notice_not_funded');
		expect(proposalStage('not_funded', state('notice', true, true))).toBe('not_funded');
		expect(proposalStage('not_funded', state('closed', true, true))).toBe('not_funded');
	});

	it('never calls an unchecked proposal ineligible', () => {
		for (const phase of ['review', 'decision', 'notice', 'implementation', 'closed'] as const) {
			expect(proposalStage('submitted', state(phase, phase !== 'review'))).toBe('not_checked');
			expect(proposalStage('returned', state(phase))).toBe('not_checked');
		}
		expect(proposalStage('ineligible', state('notice', true))).toBe('ineligible');
		expect(proposalStage('returned', state('eligibility'))).toBe('returned');
	});

	it('gives every record status a stage in every phase, each one in the catalogue list', () => {
		const statuses = ['draft', 'submitted', 'returned', 'eligible', 'ineligible', 'funded', 'not_funded', 'withdrawn'] as const;
		let n = 0;
		for (const phase of PHASES) {
			for (const status of statuses) {
				for (const [noticePublished, final] of [[false, false], [true, false], [true, true]] as const) {
					expect(PROPOSAL_STAGES).toContain(proposalStage(status, state(phase, noticePublished, final)));
					n++;
				}
			}
		}
		expect(n).toBe(PHASES.length * 8 * 3);
	});
});

describe('needStage', () => {
	it('takes the furthest outcome among the proposals answering it', () => {
		expect(needStage('new', [])).toBe('pending');
		expect(needStage('published', [])).toBe('published');
		expect(needStage('published', ['draft', 'withdrawn'])).toBe('published');
		expect(needStage('published', ['in_review'])).toBe('answered');
		expect(needStage('published', ['notice_not_funded', 'notice_funded'])).toBe('notice');
		expect(needStage('published', ['not_funded', 'implementing'])).toBe('implementing');
		expect(needStage('published', ['completed', 'funded'])).toBe('completed');
		expect(needStage('published', ['not_funded', 'ineligible'])).toBe('not_funded');
		expect(needStage('declined', ['funded'])).toBe('declined');
	});
});

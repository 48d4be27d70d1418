import { describe, expect, it } from 'vitest';
import { PHASES, type Phase } from './phases';
import { needStage, proposalStage, stageCountsAsFunded, stageIsFinal, PROPOSAL_STAGES, type GrantFacts, type RoundDecisionState } from './status';

const state = (phase: Phase, noticePublished = false, final = false): RoundDecisionState => ({ phase, noticePublished, final });

describe('proposalStage', () => {
	it('follows a funded proposal through every phase, never final during the notice', () => {
		const signed: GrantFacts = { signedOn: '2026-03-01', paidFen: 0, closing: null };
		const paid: GrantFacts = { ...signed, paidFen: 100 };
		const walk: [RoundDecisionState, Parameters<typeof proposalStage>[0], GrantFacts?][] = [
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
			// The grant facts decide from here on, not the phase: the agreement pending in implementation…
			[state('implementation', true, true), 'funded'],
			[state('implementation', true, true), 'funded', signed],
			[state('implementation', true, true), 'funded', paid],
			[state('closed', true, true), 'funded', { ...paid, closing: { outcome: 'completed' } }],
			// …and a closed round does not make an unsigned project completed.
			[state('closed', true, true), 'funded'],
			[state('closed', true, true), 'funded', { ...paid, closing: { outcome: 'terminated' } }]
		];
		const stages = walk.map(([s, status, grant]) => proposalStage(status, s, grant ?? null));
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
			'funded',
			'signed',
			'in_progress',
			'completed',
			'funded',
			'terminated'
		]);
		expect(stages.slice(0, 8).some(stageIsFinal)).toBe(false);
		expect(stages.slice(8).every(stageCountsAsFunded)).toBe(true);
	});

	it('reads grant facts only once the list is confirmed, and only for a funded proposal', () => {
		const closed: GrantFacts = { signedOn: '2026-03-01', paidFen: 100, closing: { outcome: 'completed' } };
		expect(proposalStage('funded', state('notice', true), closed)).toBe('notice_funded');
		expect(proposalStage('not_funded', state('closed', true, true), closed)).toBe('not_funded');
	});

	it('says "proposed / not proposed" on the notice and "not funded" only once confirmed', () => {
		expect(proposalStage('not_funded', state('notice', true), null)).toBe('notice_not_funded');
		expect(proposalStage('not_funded', state('notice', true, true), null)).toBe('not_funded');
		expect(proposalStage('not_funded', state('closed', true, true), null)).toBe('not_funded');
	});

	it('never calls an unchecked proposal ineligible', () => {
		for (const phase of ['review', 'decision', 'notice', 'implementation', 'closed'] as const) {
			expect(proposalStage('submitted', state(phase, phase !== 'review'), null)).toBe('not_checked');
			expect(proposalStage('returned', state(phase), null)).toBe('not_checked');
		}
		expect(proposalStage('ineligible', state('notice', true), null)).toBe('ineligible');
		expect(proposalStage('returned', state('eligibility'), null)).toBe('returned');
	});

	it('gives every record status a stage in every phase, each one in the catalogue list', () => {
		const statuses = ['draft', 'submitted', 'returned', 'eligible', 'ineligible', 'funded', 'not_funded', 'withdrawn'] as const;
		let n = 0;
		for (const phase of PHASES) {
			for (const status of statuses) {
				for (const [noticePublished, final] of [[false, false], [true, false], [true, true]] as const) {
					expect(PROPOSAL_STAGES).toContain(proposalStage(status, state(phase, noticePublished, final), null));
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
		expect(needStage('published', ['not_funded', 'in_progress'])).toBe('implementing');
		expect(needStage('published', ['signed'])).toBe('implementing');
		expect(needStage('published', ['terminated', 'not_funded'])).toBe('funded');
		expect(needStage('published', ['completed', 'funded'])).toBe('completed');
		expect(needStage('published', ['not_funded', 'ineligible'])).toBe('not_funded');
		expect(needStage('declined', ['funded'])).toBe('declined');
	});
});

import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../../tests/helpers/db';
import { DEMO_EARLIER_SLUG, DEMO_FUND_ADMIN_EMAIL, DEMO_STREET_SLUG, PROPOSAL_TEMPLATES, seedDemo } from './demo';
import { roundsRunBy } from '../fund-admins';
import { listResults } from '../results';
import { projectLedger, publicImplementation, todayIn } from '../grant-views';

describe('the demo seed', () => {
	it('has a street fund running its own 2026 round with its own fund admin, beside the city-wide rounds', { timeout: 90_000 }, async () => {
		const db = await freshDb();
		const accounts = await seedDemo(db);
		expect(accounts.fundAdmin.email).toBe(DEMO_FUND_ADMIN_EMAIL);
		const user = await db.selectFrom('users').select(['role', 'fund_id']).where('email', '=', DEMO_FUND_ADMIN_EMAIL).executeTakeFirstOrThrow();
		expect(user.role).toBe('fund_admin');
		const own = await roundsRunBy(db, { role: user.role, fundId: user.fund_id });
		expect(own.map((r) => [r.slug, r.year, r.fund_id])).toEqual([[DEMO_STREET_SLUG, 2026, user.fund_id]]);
		// Its pool is the street fund's allocation; the federation's rounds have no running fund.
		expect(Number(own[0].pool_fen)).toBeGreaterThan(0);
		const all = await roundsRunBy(db, { role: 'admin' });
		expect(all.filter((r) => r.fund_id === null).length).toBe(3);
	});

	it('publishes no need in the future or outside its round’s needs call', { timeout: 90_000 }, async () => {
		const db = await freshDb();
		const now = new Date();
		await seedDemo(db, now);
		const needs = await db
			.selectFrom('needs')
			.innerJoin('rounds', 'rounds.id', 'needs.round_id')
			.select(['needs.id', 'needs.created_at', 'needs.published_at', 'needs.status', 'rounds.needs_call_at', 'rounds.applications_at'])
			.execute();
		// 24 in the earlier round, 60 in the current one, 12 in the second round of the year, 6 in the street fund's.
		expect(needs).toHaveLength(102);
		const at = (iso: string) => Date.parse(iso);
		const wrong = needs.filter(
			(n) =>
				at(n.created_at) > now.getTime() ||
				at(n.created_at) < at(n.needs_call_at) ||
				at(n.created_at) > at(n.applications_at) ||
				(n.status === 'published') !== (n.published_at !== null) ||
				(n.published_at !== null &&
					(at(n.published_at) > now.getTime() || at(n.published_at) < at(n.created_at) || at(n.published_at) > at(n.applications_at)))
		);
		expect(wrong).toEqual([]);
	});

	it('links each proposal to published needs of its own category, published before it was submitted', { timeout: 90_000 }, async () => {
		const db = await freshDb();
		await seedDemo(db);
		const links = await db
			.selectFrom('proposal_needs')
			.innerJoin('proposals', 'proposals.id', 'proposal_needs.proposal_id')
			.innerJoin('needs', 'needs.id', 'proposal_needs.need_id')
			.select(['proposals.id', 'proposals.title', 'proposals.submitted_at', 'needs.category', 'needs.status', 'needs.published_at', 'needs.round_id', 'proposals.round_id as proposal_round'])
			.execute();
		const proposals = new Set(links.map((l) => l.id));
		expect(proposals.size).toBe(30);
		const category = new Map(PROPOSAL_TEMPLATES.map((t) => [t.title, t.category]));
		const wrong = links.filter(
			(l) =>
				l.category !== category.get(l.title) ||
				l.status !== 'published' ||
				l.round_id !== l.proposal_round ||
				Date.parse(l.published_at!) > Date.parse(l.submitted_at!)
		);
		expect(wrong).toEqual([]);
	});

	it('shows the 2025 round’s year: signed, paid in tranches, mostly closed, one terminated with its money returned', { timeout: 90_000 }, async () => {
		const db = await freshDb();
		const now = new Date();
		await seedDemo(db, now);
		const round = await db.selectFrom('rounds').select(['id', 'time_zone']).where('slug', '=', DEMO_EARLIER_SLUG).executeTakeFirstOrThrow();
		const results = (await listResults(db, round.id, now))!;
		const funded = results.projects.filter((p) => p.funded);
		const stages = funded.map((p) => p.stage).sort();
		expect(funded.length).toBeGreaterThanOrEqual(5);
		for (const stage of ['completed', 'in_progress', 'signed', 'terminated'] as const) expect(stages, stage).toContain(stage);
		expect(stages.filter((s) => s === 'terminated')).toHaveLength(1);
		expect(results.totals.paidFen).toBeGreaterThan(0);
		expect(results.totals.paidFen).toBeLessThan(results.totals.awardedFen);
		const terminated = funded.find((p) => p.stage === 'terminated')!;
		const ledger = (await projectLedger(db, terminated.id))!;
		expect(ledger.money.returnedFen).toBe(ledger.closing!.returnDueFen);
		expect(ledger.money.returnedFen).toBeGreaterThan(0);
		// The later tranches were released by reports accepted in the portal, each graded by the demo evaluator.
		const completed = funded.filter((p) => p.stage === 'completed');
		for (const p of completed) {
			const impl = (await publicImplementation(db, p.id))!;
			expect(impl.reports.map((r) => !!r.acceptedOn), `project ${p.id}`).toEqual([true, true]);
			expect(impl.evaluation?.kind, `project ${p.id}`).toBe('final');
		}
		const grades = new Set(await Promise.all(completed.map(async (p) => (await publicImplementation(db, p.id))!.evaluation!.grade)));
		expect(grades.size).toBeGreaterThanOrEqual(2);
		const evaluators = await db.selectFrom('evaluation_assignments').innerJoin('users', 'users.id', 'evaluation_assignments.evaluator_id').select(['users.role', 'evaluation_assignments.status']).execute();
		expect(evaluators.length).toBeGreaterThan(completed.length);
		expect(evaluators.every((e) => e.role === 'reviewer' && e.status === 'submitted')).toBe(true);
		// Nothing is dated after today on the round's clock.
		const late = await db.selectFrom('ledger_entries').select('occurred_on').where('occurred_on', '>', todayIn(round.time_zone, now)).execute();
		expect(late).toEqual([]);
	});
});

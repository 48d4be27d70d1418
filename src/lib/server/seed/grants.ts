import type { DB } from '../db';
import { closeProject, projectLedger, recordAgreement, recordConditionMet, recordPayment, recordReturn, roundProjects, todayIn } from '../grants';
import { getRoundById } from '../rounds';

const DAY = 86_400_000;

/**
 * What became of each funded project of a confirmed round, as a year of work would leave it.
 * `plan(i, count)` says how far project i (by id) got: 'signed' (agreement only), 'paid' (first
 * tranche), 'midterm' (second tranche released with a reason and paid), 'completed' (all paid,
 * closed), 'terminated' (first tranche paid, then stopped with 40 % of it returned). Every step
 * goes through grants.ts, dated after the confirmation and never after `now`.
 */
export type GrantProgress = 'signed' | 'paid' | 'midterm' | 'completed' | 'terminated';

export async function seedGrants(
	db: DB,
	input: { roundId: number; actorId: number; plan: (i: number, count: number) => GrantProgress },
	now = new Date()
): Promise<Record<GrantProgress, number>> {
	const round = await getRoundById(db, input.roundId);
	if (!round?.results_confirmed_at && !round?.results_published_at) throw new Error('seedGrants: the round has no confirmed list');
	const confirmed = Date.parse((round.results_confirmed_at ?? round.results_published_at)!);
	/** The day `days` after the confirmation on the round's clock, never after today. */
	const day = (days: number) => todayIn(round.time_zone, new Date(Math.min(confirmed + days * DAY, now.getTime())));
	const must = (what: string, outcome: { ok: boolean }) => {
		if (!outcome.ok) throw new Error(`seedGrants ${what}: ${JSON.stringify(outcome)}`);
	};
	const projects = await roundProjects(db, round);
	const counts: Record<GrantProgress, number> = { signed: 0, paid: 0, midterm: 0, completed: 0, terminated: 0 };
	for (const [i, p] of projects.entries()) {
		const progress = input.plan(i, projects.length);
		counts[progress] += 1;
		const base = { proposalId: p.id, roundId: round.id, actorId: input.actorId };
		const number = `${round.year}-${String(round.id).padStart(2, '0')}-${String(i + 1).padStart(3, '0')}`;
		must('agreement', await recordAgreement(db, { ...base, number, signedOn: day(10 + i), payeeAccountName: p.organisation, amountsFen: null, planReason: null }, now));
		if (progress === 'signed') continue;
		const tranches = (await projectLedger(db, p.id))!.tranches;
		const pay = async (position: number, on: number) => {
			const t = tranches[position - 1];
			must('payment', await recordPayment(db, { ...base, trancheId: t.id, amountFen: t.amountFen, paidOn: day(on), reference: `PZ-${number}-${position}` }, now));
		};
		await pay(1, 20 + i);
		if (progress === 'terminated') {
			const returned = Math.round(tranches[0].amountFen * 0.4);
			const note = '服务对象所在小区整体拆迁，活动无法继续开展，经双方协商终止协议。';
			must('close', await closeProject(db, { ...base, outcome: 'terminated', closedOn: day(120), note, returnDueFen: returned }, now));
			must('return', await recordReturn(db, { ...base, amountFen: returned, returnedOn: day(135), reference: `TH-${number}` }, now));
			continue;
		}
		if (progress === 'paid') continue;
		must('condition', await recordConditionMet(db, { ...base, trancheId: tranches[1].id, reason: '中期报告已线下审核通过' }, now));
		await pay(2, 190 + i);
		if (progress === 'midterm') continue;
		must('condition', await recordConditionMet(db, { ...base, trancheId: tranches[2].id, reason: '结项报告已线下审核通过' }, now));
		await pay(3, 330 + i);
		must('close', await closeProject(db, { ...base, outcome: 'completed', closedOn: day(335 + i), note: '项目按协议完成，结项报告已归档。', returnDueFen: 0 }, now));
	}
	return counts;
}

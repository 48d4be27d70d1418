import type { DB } from '../db';
import { getRoundBySlug, overridePhase, phaseOf } from '../rounds';
import { drawLine, publishNotice, saveLineSettings, setLineOverride, setReducedAward } from '../decisions';
import { answerObjection, fileObjection } from '../objections';

/** Why the demo draws its line with some reviews outstanding (kept in the audit log, as the guard asks). */
const SHORT_REASON = '演示：部分评审尚未提交，按已提交的评审划线';

/**
 * Demo data for the decision: moves the round to its decision phase, draws the funding line with
 * one reduced award, and (with `stage: 'notice'`, the default) publishes the notice and files two
 * objections, one answered (dismissed) and one left open for the admin to answer.
 * The demo sets a minimum score of 50.
 * Needs a round whose eligible proposals have submitted reviews (the demo's current round) and an
 * admin's user id.
 */
export async function seedDecision(
	db: DB,
	input: { roundSlug: string; actorId: number; stage?: 'decision' | 'notice' },
	now = new Date()
): Promise<void> {
	const round = await getRoundBySlug(db, input.roundSlug);
	if (!round) throw new Error(`seedDecision: no round ${input.roundSlug}`);
	if (phaseOf(round, now) !== 'decision') {
		await overridePhase(db, round, 'decision', input.actorId, '演示：评审结束，进入评审决策', now);
	}
	const check = <T>(label: string, outcome: { ok: boolean; errors?: unknown; value?: T }) => {
		if (!outcome.ok) throw new Error(`seedDecision: ${label}: ${JSON.stringify(outcome.errors)}`);
		return outcome.value as T;
	};
	check('draw', await drawLine(db, { roundId: round.id, actorId: input.actorId, shortReviewsReason: SHORT_REASON }, now));
	// A minimum score of 50 (合格线) so that the demo shows proposals below the line.
	check(
		'settings',
		await saveLineSettings(
			db,
			{ roundId: round.id, actorId: input.actorId, tieRule: 'lower_request', minScore: 50, districtCapsFen: {}, noticeWorkingDays: 5 },
			now
		)
	);
	const line = check('redraw', await drawLine(db, { roundId: round.id, actorId: input.actorId, shortReviewsReason: SHORT_REASON }, now));
	const funded = line!.decisions.filter((d) => d.funded);
	if (funded.length > 0) {
		const top = funded[0];
		const requested = top.amountFen;
		check(
			'reduce',
			await setReducedAward(
				db,
				{
					roundId: round.id,
					proposalId: top.id,
					awardFen: Math.round((requested * 0.8) / 100) * 100,
					reason: '预算中宣传费偏高，按评审意见核减 20%。',
					actorId: input.actorId
				},
				now
			)
		);
	}
	const notFunded = line!.decisions.find((d) => d.reason === 'pool_exhausted' || d.reason === 'below_line');
	if (notFunded && funded.length > 2) {
		// Keeps the demo showing an override with its reason.
		check(
			'override',
			await setLineOverride(
				db,
				{
					roundId: round.id,
					proposalId: notFunded.id,
					kind: 'fund',
					reason: '本区此前无同类服务，评审组建议优先支持。',
					actorId: input.actorId
				},
				now
			)
		);
	}
	if ((input.stage ?? 'notice') === 'decision') return;
	check('notice', await publishNotice(db, { roundId: round.id, actorId: input.actorId }, now));
	const listed = await db
		.selectFrom('proposals')
		.select('id')
		.where('round_id', '=', round.id)
		.where('status', '=', 'funded')
		.orderBy('funding_rank')
		.execute();
	if (listed.length < 2) return;
	const first = check<number>(
		'objection 1',
		await fileObjection(
			db,
			{
				roundId: round.id,
				proposalId: listed[0].id,
				name: '林先生',
				contact: '13900000001',
				reason: '该项目去年已获其他基金资助，内容与本次申报基本相同，怀疑重复申报。',
				submissionKey: null
			},
			now
		)
	);
	check(
		'answer 1',
		await answerObjection(
			db,
			{
				roundId: round.id,
				objectionId: first,
				outcome: 'dismissed',
				effect: 'none',
				response: '经核实，去年项目服务对象为另一社区，本次为新社区的延伸服务，不属于重复申报。',
				actorId: input.actorId
			},
			now
		)
	);
	check(
		'objection 2',
		await fileObjection(
			db,
			{
				roundId: round.id,
				proposalId: listed[1].id,
				name: '黄女士',
				contact: 'huang@example.org',
				reason: '项目书中写的合作场地（社区活动中心）目前正在装修，预计明年才能使用，活动难以按期开展。',
				submissionKey: null
			},
			now
		)
	);
}

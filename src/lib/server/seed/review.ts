import type { DB } from '../db';
import { SERVICE_CATEGORIES } from '../../domain/catalogue';
import { setPanel } from '../reviewers';
import { declareConflict } from '../conflicts';
import { autoAssignRound } from '../assignments';

/** Band guidance for the default rubric, by Chinese criterion name (low, fair, good, excellent). */
const GUIDANCE: Record<string, [string, string, string, string]> = {
	需求回应: [
		'与所链接的社区需求关系不大，未说明受益对象。',
		'回应了需求的一部分，受益对象和规模说得不够清楚。',
		'紧扣所链接的需求，受益对象明确，有调研依据。',
		'紧扣需求且有居民参与的需求调研，目标可衡量。'
	],
	项目设计与可行性: [
		'活动零散，缺少目标与进度安排，难以落地。',
		'有基本设计，但进度或分工不清，风险未考虑。',
		'目标、活动、进度和分工清楚，可行性好。',
		'逻辑完整、节奏合理，有风险预案和评估指标。'
	],
	居民参与与在地性: [
		'居民只是服务对象，没有参与设计和实施。',
		'居民有少量参与，主要由机构包办。',
		'居民参与需求调研和实施，有社区骨干。',
		'居民深度参与并能在项目后继续自组织运作。'
	],
	预算合理性: [
		'预算与活动对不上，或含禁止列支的费用。',
		'预算大体合理，部分单价或数量缺少依据。',
		'预算与活动一一对应，单价有依据，比例合规。',
		'预算精打细算，配套资金落实，性价比高。'
	],
	团队能力: [
		'团队经验不足，缺少相关领域的服务记录。',
		'团队有一定经验，但人手或专业性不足。',
		'团队有相关服务经验和稳定人手。',
		'团队经验丰富、分工专业，过往项目成效突出。'
	],
	资源链接与可持续: [
		'没有链接其他资源，项目结束即停止。',
		'有少量资源链接，可持续性说明不足。',
		'链接了辖内单位或志愿资源，有延续计划。',
		'多方资源稳定投入，形成可持续的社区机制。'
	],
	创新性: [
		'照搬常规做法，没有新意。',
		'在常规做法上有小的改进。',
		'方法或形式有明显创新，适合本社区。',
		'有可推广的创新模式。'
	]
};

/**
 * Demo data for expert review on the round `roundSlug` (in review, with reviewers and
 * assignments already seeded): band guidance on the default rubric, reviewers' expertise, the
 * round's panel (every active reviewer), and one declared conflict whose assignment auto-assign
 * hands to another reviewer. Needs an admin account for the audit log.
 */
export async function seedReview(db: DB, input: { roundSlug: string }, now = new Date()): Promise<void> {
	const round = await db.selectFrom('rounds').select(['id']).where('slug', '=', input.roundSlug).executeTakeFirstOrThrow();
	const admin = await db.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('id').executeTakeFirstOrThrow();

	const criteria = await db.selectFrom('rubric_criteria').select(['id', 'name_zh']).where('round_id', '=', round.id).execute();
	for (const c of criteria) {
		const g = GUIDANCE[c.name_zh];
		if (!g) continue;
		await db
			.updateTable('rubric_criteria')
			.set({ guidance_low: g[0], guidance_fair: g[1], guidance_good: g[2], guidance_excellent: g[3] })
			.where('id', '=', c.id)
			.execute();
	}

	const reviewers = await db
		.selectFrom('users')
		.select('id')
		.where('role', '=', 'reviewer')
		.where('disabled_at', 'is', null)
		.orderBy('id')
		.execute();
	const categories = SERVICE_CATEGORIES.filter((c) => c !== 'other');
	for (const [i, r] of reviewers.entries()) {
		const mine = [categories[i % categories.length], categories[(i * 3 + 1) % categories.length]];
		await db.deleteFrom('reviewer_expertise').where('user_id', '=', r.id).execute();
		await db
			.insertInto('reviewer_expertise')
			.values([...new Set(mine)].map((category) => ({ user_id: r.id, category })))
			.execute();
	}
	await setPanel(db, { roundId: round.id, reviewerIds: reviewers.map((r) => r.id), actorId: admin.id }, now);

	// One reviewer finds they know the applicant's director and recuses before scoring.
	const open = await db
		.selectFrom('review_assignments')
		.select(['id', 'reviewer_id'])
		.where('round_id', '=', round.id)
		.where('status', '=', 'assigned')
		.orderBy('id')
		.executeTakeFirst();
	if (open) {
		const declared = await declareConflict(
			db,
			{ assignmentId: open.id, reviewerId: open.reviewer_id, reason: '本人与申报机构负责人是多年同事，申请回避。' },
			now
		);
		if (declared.ok) await autoAssignRound(db, { roundId: round.id, actorId: admin.id }, now);
	}
}

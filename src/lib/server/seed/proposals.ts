import type { DB } from '../db';
import { capFen, shareFen, type BudgetLine } from '../../domain/budget';
import { getProposalContent } from '../proposals';

const ACTIVITIES = [
	['长者互助小组', '社区探访与电话关怀', '节日邻里活动'],
	['四点半课堂', '亲子阅读会', '假期成长营'],
	['社区议事会', '楼道美化行动', '志愿者培训']
];

/**
 * Six budget lines totalling exactly `grantFen`: personnel and admin at 30 % and 10 % (rounded
 * down), the rest spread over activities, materials, publicity and transport.
 */
export function sampleBudget(grantFen: number): BudgetLine[] {
	const personnel = capFen(grantFen, 30);
	const admin = capFen(grantFen, 10);
	const materials = capFen(grantFen, 15);
	const publicity = capFen(grantFen, 5);
	const transport = capFen(grantFen, 5);
	const activities = grantFen - personnel - admin - materials - publicity - transport;
	return [
		{ category: 'personnel', item: '项目社工补贴', unit: '项', quantity: 1, unitPriceFen: personnel },
		{ category: 'activities', item: '小组及社区活动', unit: '项', quantity: 1, unitPriceFen: activities },
		{ category: 'materials', item: '活动物资', unit: '批', quantity: 1, unitPriceFen: materials },
		{ category: 'publicity', item: '宣传品印制', unit: '批', quantity: 1, unitPriceFen: publicity },
		{ category: 'transport', item: '探访交通', unit: '项', quantity: 1, unitPriceFen: transport },
		{ category: 'admin', item: '项目管理', unit: '项', quantity: 1, unitPriceFen: admin }
	];
}

/**
 * Fills in budgets, activities, indicators, matching funds and a submission snapshot for existing
 * demo proposals (by id), keeping each proposal's requested amount as its budget's total.
 * Proposals that already have budget lines are left alone, so it may run twice.
 */
export async function seedProposalDetails(db: DB, proposalIds: readonly number[]): Promise<number> {
	let seeded = 0;
	for (const [n, id] of proposalIds.entries()) {
		const proposal = await db
			.selectFrom('proposals')
			.select(['id', 'requested_fen', 'status', 'created_by', 'submitted_at', 'version'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!proposal) continue;
		const has = await db.selectFrom('budget_lines').select('id').where('proposal_id', '=', id).executeTakeFirst();
		if (has) continue;
		const lines = sampleBudget(proposal.requested_fen);
		const names = ACTIVITIES[n % ACTIVITIES.length];
		const volunteerHours = 40 + (n % 5) * 20;
		await db
			.updateTable('proposals')
			.set({
				target_group: ['独居及空巢长者', '困境家庭儿童', '社区居民'][n % 3],
				beneficiaries: 300 + (n % 7) * 150,
				team: '项目负责人 1 名（中级社工师），一线社工 2 名，社区志愿者 20 名。',
				matching_cash_fen: Math.max(0, shareFen(proposal.requested_fen, 10) - volunteerHours * 2000),
				volunteer_hours: volunteerHours
			})
			.where('id', '=', id)
			.execute();
		await db
			.insertInto('budget_lines')
			.values(lines.map((l, position) => ({ proposal_id: id, position, category: l.category, item: l.item, unit: l.unit, quantity: l.quantity, unit_price_fen: l.unitPriceFen })))
			.execute();
		await db
			.insertInto('proposal_activities')
			.values(names.map((name, position) => ({ proposal_id: id, position, name, start_month: `2026-0${3 + position * 2}`, end_month: `2026-${String(4 + position * 3).padStart(2, '0')}` })))
			.execute();
		await db
			.insertInto('proposal_indicators')
			.values([
				{ proposal_id: id, position: 0, name: '服务人次', target: String(300 + (n % 7) * 150), unit: '人次' },
				{ proposal_id: id, position: 1, name: '服务对象满意度', target: '90', unit: '%' }
			])
			.execute();
		if (proposal.status !== 'draft' && proposal.submitted_at) {
			const content = await getProposalContent(db, id);
			await db
				.insertInto('proposal_snapshots')
				.values({ proposal_id: id, version: proposal.version, status: 'submitted', taken_at: proposal.submitted_at, taken_by: proposal.created_by, content: JSON.stringify(content) })
				.execute();
		}
		seeded += 1;
	}
	return seeded;
}

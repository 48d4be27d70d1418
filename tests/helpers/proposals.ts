import type { ProposalInput } from '../../src/lib/schemas/proposals';
import type { BudgetLine } from '../../src/lib/domain/budget';

/** Six lines totalling ¥30,000.00 (one of them ¥33.33 × 3), personnel and admin exactly at their caps. */
export const SIX_LINES: BudgetLine[] = [
	{ category: 'personnel', item: '项目社工补贴', unit: '月', quantity: 6, unitPriceFen: 150_000 },
	{ category: 'activities', item: '长者互助小组活动', unit: '期', quantity: 1, unitPriceFen: 1_400_001 },
	{ category: 'materials', item: '活动物资', unit: '批', quantity: 3, unitPriceFen: 3_333 },
	{ category: 'publicity', item: '宣传折页印刷', unit: '份', quantity: 1_000, unitPriceFen: 190 },
	{ category: 'transport', item: '探访交通', unit: '次', quantity: 40, unitPriceFen: 5_000 },
	{ category: 'admin', item: '项目管理费', unit: '项', quantity: 1, unitPriceFen: 300_000 }
];

export const SIX_LINES_TOTAL_FEN = 3_000_000;

/** A proposal that meets every default rule of a round with the test factories' grant range. */
export function proposalInput(needIds: number[], overrides: Partial<ProposalInput> = {}): ProposalInput {
	return {
		title: '长者饭堂互助队',
		summary: '为独居长者提供送餐与探访。',
		targetGroup: '独居及空巢长者',
		beneficiaries: 1200,
		team: '项目负责人 1 名，社工 2 名，志愿者 20 名。',
		matchingCashFen: 200_000,
		volunteerHours: 50,
		needIds,
		lines: SIX_LINES.map((l) => ({ ...l })),
		activities: [{ name: '长者互助小组', startMonth: '2026-03', endMonth: '2026-08' }],
		indicators: [{ name: '服务长者', target: '120', unit: '人' }],
		...overrides
	};
}

import type { Messages } from '../types';

/** Matching realised (配套落实): pledged and delivered matching, memo entries beside the money. */
export const matching = {
	'matching.title': { zh: '配套落实（备忘）', en: 'Matching realised (memo)' },
	'matching.hint': {
		zh: '配套资金和志愿服务时数（时间银行，按本轮次每小时折算标准计价）是资金旁的备忘记录：不在账户间划转，不计入上面的任何余额或合计。承诺数取自签约时的申报书，落实数取自通过的结项报告。',
		en: 'Matching cash and volunteer hours (time bank, valued at the round’s hourly rate) are memo entries beside the money: they move nothing between accounts and are in no balance or total above. Pledged is the proposal’s at signing; delivered is the accepted final report’s.'
	},
	'matching.col.what': { zh: '项目', en: 'Item' },
	'matching.col.cash': { zh: '配套现金', en: 'Matching cash' },
	'matching.col.hours': { zh: '志愿服务时数', en: 'Volunteer hours' },
	'matching.col.value': { zh: '折合价值', en: 'Value' },
	'matching.pledged': { zh: '承诺', en: 'Pledged' },
	'matching.delivered': { zh: '已落实', en: 'Delivered' },
	'matching.hours': { zh: '{hours} 小时', en: '{hours} h' }
} satisfies Messages;

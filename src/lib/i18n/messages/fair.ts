import type { Messages } from '../types';
import { TRIMMED_MEAN_NAME as TM } from '../../domain/scoring';

/** Ranking bases, intervals, the grey zone and its lottery, district caps, the assignment report. */
export const fair = {
	'basis.additive_model': { zh: '评审偏差模型分', en: 'Reviewer-bias model score' },
	'basis.mean': { zh: '平均分', en: 'Mean' },
	'basis.trimmed_mean': { zh: TM.zh, en: TM.enHeading },
	'basis.calibrated': { zh: '校准分（旧）', en: 'Calibrated score (legacy)' },
	'basis.ranksBy': { zh: '排名依据：{basis}', en: 'Ranked by: {basis}' },
	'basis.explainTitle': { zh: '各排名依据纠正什么、何时不宜使用', en: 'What each ranking basis corrects, and when not to use it' },
	'basis.corrects.additive_model': {
		zh: '同时估计项目质量和每位专家的宽严倾向（偏高或偏低打分），按共同评审的项目把专家的偏差扣除，偏差按其实际大小收缩。专家无偏差时等同平均分。默认依据：排名评估中在几乎所有情形下最准确或并列最准确。',
		en: 'Estimates each proposal’s quality together with each reviewer’s leniency or harshness, removing a reviewer’s bias as measured on the proposals they share with others; biases are shrunk by how much they really vary. With unbiased reviewers it equals the mean. The default: best or tied best in almost every setting of the ranking evaluation.'
	},
	'basis.avoid.additive_model': {
		zh: '不宜使用：专家之间几乎不共同评审项目时（偏差无法与项目质量区分）；它也不纠正打分幅度宽窄不同的专家。',
		en: 'Not to use: when reviewers share almost no proposals (bias cannot be told from quality); it does not correct reviewers who spread their scores wider or narrower.'
	},
	'basis.corrects.mean': {
		zh: '各份评审加权总分的简单平均，不作任何纠正。专家无偏差、无极端评分时最准确，也最容易向公众解释。',
		en: 'The plain average of the reviews’ weighted totals, correcting nothing. The most accurate when reviewers are unbiased and no review is wild, and the easiest to explain.'
	},
	'basis.avoid.mean': {
		zh: '不宜使用：专家宽严明显不一，且各人评审的项目不同时。',
		en: 'Not to use: when reviewers differ clearly in leniency and each reviews different proposals.'
	},
	'basis.corrects.trimmed_mean': {
		zh: '5 份及以上评审时去掉一个最高分和一个最低分再平均，防止个别离谱评分左右结果。',
		en: 'With five or more reviews, drops the single highest and lowest before averaging, so one wild review cannot decide.'
	},
	'basis.avoid.trimmed_mean': {
		zh: '不宜使用：评分并无离谱值时（去掉两份正常评审会降低准确度，5 份评审时约低 0.03 τ），也不纠正专家宽严。',
		en: 'Not to use: when no review is wild (dropping two honest reviews costs accuracy, about −0.03 τ at five reviews); it does not correct leniency.'
	},
	'basis.corrects.calibrated': {
		zh: '把每份评审换算为该专家自己的标准分再平均，纠正宽严和幅度。仅为沿用此依据的旧轮次保留。',
		en: 'Turns each review into a z-score against its reviewer’s own mean and spread, correcting leniency and spread. Kept only for rounds that used it.'
	},
	'basis.avoid.calibrated': {
		zh: '不宜使用：专家主要评审本领域项目时，它会抹去不同类别之间真实的质量差异；评估中它在任何情形下都不是最佳，新轮次不再提供。',
		en: 'Not to use: when reviewers mostly see their own categories it erases real differences between categories; the evaluation found it best in no setting, so new rounds are not offered it.'
	},
	'basis.legacyNote': {
		zh: '本轮沿用旧的校准分；改用其他依据后不能再选回。',
		en: 'This round keeps the legacy calibrated score; once changed, it cannot be chosen again.'
	},
	'basis.evidence': { zh: '依据：排名评估（bench/ranking.md）。', en: 'Evidence: the ranking evaluation (bench/ranking.md).' },
	'interval.col': { zh: '95% 区间', en: '95 % interval' },
	'interval.note': {
		zh: `区间为得分 ± 1.96 个标准误：偏差模型按模型估计，平均分和${TM.zh}按评审的自助抽样（固定种子）估计。得分一律按 0.01 四舍五入。`,
		en: 'Intervals are the score ± 1.96 standard errors: from the model for the bias model, from a bootstrap over the reviews (fixed seed) for the mean and trimmed mean. Every score is rounded half away from zero to 0.01.'
	},
	'greyZone.title': { zh: '资助线附近的灰区', en: 'The grey zone at the funding line' },
	'greyZone.badge': { zh: '灰区', en: 'Grey zone' },
	'greyZone.none': {
		zh: '资助线两侧的项目得分均可明确区分，没有灰区。',
		en: 'Every proposal on one side of the line is clearly apart from those on the other: no grey zone.'
	},
	'greyZone.some': {
		zh: '第 {from}–{to} 名共 {count} 个项目在统计上无法与资助线另一侧的项目区分（{pairs} 对）。',
		en: 'Ranks {from}–{to}, {count} proposals, cannot be told apart from proposals on the other side of the line ({pairs} pairs).'
	},
	'lottery.title': { zh: '灰区公开抽签', en: 'Published lottery for the grey zone' },
	'lottery.explain': {
		zh: '本轮可选择对灰区项目公开抽签：先记录灰区并公布种子的 SHA-256 值，抽签时再公布种子，任何人都可复核抽签顺序。灰区记录后，资助规则、调整和核减均不能再改。',
		en: 'A round may draw a published lottery for its grey zone: the zone is recorded first with the SHA-256 of a seed, the seed is published at the draw, and anyone can recompute the order. Once the zone is recorded, the rules, overrides and reductions cannot change.'
	},
	'lottery.publicPending': {
		zh: '尚未抽签。抽签后在此公布种子，任何人可核对其 SHA-256 与上面一致。',
		en: 'Not drawn yet. The seed is published here at the draw; anyone can check that its SHA-256 is the one above.'
	},
	'lottery.rule': {
		zh: '抽签规则：每个灰区项目的签号为 SHA-256("种子:项目编号")，按签号从小到大依次在剩余资金内资助。',
		en: 'The rule: each grey-zone proposal’s key is SHA-256("seed:proposal id"); they are funded in ascending key order while the pool lasts.'
	},
	'lottery.optIn': { zh: '本轮对灰区公开抽签', en: 'Draw a published lottery for the grey zone' },
	'lottery.optOut': { zh: '不抽签', en: 'No lottery' },
	'lottery.optedIn': { zh: '本轮已选择灰区抽签。', en: 'This round draws a lottery for its grey zone.' },
	'lottery.record': { zh: '记录灰区并公布种子哈希', en: 'Record the grey zone and publish the seed’s hash' },
	'lottery.recorded': { zh: '灰区记录于 {at}：{ids}', en: 'Grey zone recorded {at}: {ids}' },
	'lottery.commitment': { zh: '种子的 SHA-256：{hash}', en: 'SHA-256 of the seed: {hash}' },
	'lottery.draw': { zh: '抽签并公布种子', en: 'Draw and publish the seed' },
	'lottery.drawnAt': { zh: '抽签于 {at}，种子：{seed}', en: 'Drawn {at}; seed: {seed}' },
	'lottery.order': { zh: '抽签顺序：{ids}', en: 'Drawn order: {ids}' },
	'lottery.withdraw': { zh: '撤回灰区记录（抽签前）', en: 'Withdraw the recorded zone (before the draw)' },
	'lottery.withdrawReason': { zh: '撤回理由', en: 'Reason for withdrawing' },
	'lottery.err.lineFrozen': {
		zh: '灰区已记录，资助规则、调整和核减不能再改（抽签前可撤回灰区记录）。',
		en: 'The grey zone is recorded: the rules, overrides and reductions cannot change (the record can be withdrawn before the draw).'
	},
	'lottery.err.recorded': { zh: '灰区已记录。', en: 'The grey zone is already recorded.' },
	'lottery.err.notOptedIn': { zh: '本轮未选择灰区抽签。', en: 'This round has not opted into the lottery.' },
	'lottery.err.noZone': { zh: '当前资助线没有灰区（至少两个无法区分的项目），无需抽签。', en: 'The line has no grey zone (at least two indistinguishable proposals): nothing to draw.' },
	'lottery.err.notRecorded': { zh: '请先记录灰区。', en: 'Record the grey zone first.' },
	'lottery.err.drawn': { zh: '已抽签，结果不能撤回或重抽。', en: 'The lottery is drawn: it cannot be withdrawn or drawn again.' },
	'decision.err.capDistrictUnknown': {
		zh: '“{district}”不是地点库中的区，请按地点库中的区名填写。',
		en: '“{district}” is no district of the places list: use a district name from it.'
	},
	'decision.capsUnmatched': {
		zh: '以下旧的区上限未能对应到地点库中的区，从未生效，请重新填写：{caps}',
		en: 'These older district caps name no district of the places list and never applied; enter them again: {caps}'
	},
	'assign.report.title': { zh: '分配情况', en: 'Assignment report' },
	'assign.report.loads': { zh: '各专家评审量：{loads}', en: 'Reviews per reviewer: {loads}' },
	'assign.report.spread': { zh: '最多 {max}，最少 {min}，相差 {spread}。', en: 'Most {max}, fewest {min}: a spread of {spread}.' },
	'assign.report.expertise': {
		zh: '专业匹配：{matched}/{total} 份评审（{pct}%）由领域相符的专家承担。',
		en: 'Expertise: {matched} of {total} reviews ({pct} %) are by a reviewer whose expertise matches.'
	},
	'assign.report.balanced': { zh: '各专家评审量相差不超过 1。', en: 'Loads differ by at most one.' },
	'assign.report.imbalance': {
		zh: '无法完全均衡：专家 {heavy} 的评审无法转给他人（其他专家有回避或已在评审），{light} 评审量较少。',
		en: 'Perfect balance was impossible: reviews of {heavy} cannot go to anyone else (the others are conflicted or already on them), while {light} carry fewer.'
	},
	'assign.report.kept': {
		zh: '其中 {kept} 已有的分配（已开始评审或之前分配）已达上限。',
		en: 'Of them, {kept} already carry kept assignments (reviews started or assigned before) up to the limit.'
	},
	'assign.report.short': { zh: '{count} 个项目因回避不足 {k} 位专家。', en: '{count} proposals have fewer than {k} reviewers because of conflicts.' }
} satisfies Messages;

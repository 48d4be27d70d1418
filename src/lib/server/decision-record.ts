/**
 * Decision record format 2 (`/rounds/[slug]/decision-record.json` for rounds decided from format 2
 * on): everything needed to recompute the funded list, including a model-ranked round, from the
 * record alone. Its shape is static/decision-record-2.schema.json.
 *
 * Reviews appear with their per-criterion scores under a per-round reviewer pseudonym that is the
 * same on every proposal and on the admin's pages (server/pseudonyms.ts); never a reviewer's name, id or notes.
 */
import pkg from '../../../package.json';
import type { DB } from './db';
import type { Round } from './schema';
import { INTERVAL_Z_HUNDREDTHS, type RankingBasis } from '../domain/ranking';
import { SCORE_ROUNDING, toHundredths } from '../domain/rounding';
import { TIE_RULE_TEXT, tieRuleName, type TieRuleName } from '../domain/funding-line';
import { LOTTERY_RULE } from '../domain/lottery';
import { roundPseudonyms } from './pseudonyms';
import { getRubric } from './rubric';
import type { DecisionRecord2 } from './decision-record-schema';
import { getNotice } from './results';
import { lineRulesOf } from './decisions';
import { basisOptions, rankingScores, roundReviews } from './ranking-scores';
import { districtPlaces, districtKeysOf, lotteryRecordOf } from './grey-zone-lottery';

export const DECISION_RECORD_2 = 'decision-record/2';
export const DECISION_RECORD_2_SCHEMA = '/decision-record-2.schema.json';

export type { DecisionRecord2 };
type RecordProposal = DecisionRecord2['proposals'][number];

const six = (x: number) => Math.round(x * 1e6) / 1e6;

/** The rule in words, in both languages. */
function ruleText(basis: RankingBasis, tieRule: TieRuleName) {
	const basisText: Record<RankingBasis, { zh: string; en: string }> = {
		additive_model: {
			zh: '排名分：评审偏差模型。每份评审总分 = 项目质量 + 专家偏差 + 误差，对全轮评审联合最小二乘求解，专家偏差按经验贝叶斯收缩（收缩系数 λ = 误差方差 ÷ 偏差方差，见 aggregation.model）；项目质量即排名分。',
			en: 'Ranking score: the reviewer-bias model. Each review total = proposal quality + reviewer bias + noise, solved jointly by least squares over the round, the biases shrunk by empirical Bayes (λ = noise variance ÷ bias variance, in aggregation.model); the quality is the ranking score.'
		},
		mean: { zh: '排名分：各份评审加权总分的平均。', en: 'Ranking score: the mean of the reviews’ weighted totals.' },
		trimmed_mean: {
			zh: '排名分：去极值平均分，5 份及以上评审时去掉一个最高分和一个最低分后平均。',
			en: 'Ranking score: the trimmed mean; with five or more reviews the single highest and lowest are dropped before averaging.'
		},
		calibrated: {
			zh: '排名分：校准分（每份评审换算为该专家的标准分后平均，再换回 0–100 分）。',
			en: 'Ranking score: the calibrated score (each review as a z-score against its reviewer, averaged and put back on 0–100).'
		}
	};
	const zh = [
		...SCORE_ROUNDING.steps.map((s) => s.zh),
		basisText[basis].zh,
		'1. 不符合资格的项目不予资助（ineligible；资格从未审查者为 not_checked）。',
		'2. 管理员以理由排除的项目不参与排名；以理由直接资助的项目按名次优先在资金池内资助。',
		`3. 其余项目按排名分从高到低排序。${TIE_RULE_TEXT[tieRule].zh}无评审分者排最后且不予资助。`,
		'4. 拟资助金额为核减后金额（如有核减），否则为申请金额。',
		'5. 依次检查：低于最低分 → below_line；超过所在区（按地点编号）上限 → district_cap；超过剩余资金 → pool_exhausted（其后较小的项目仍可能获资助）；否则资助。',
		'6. 如本轮对灰区抽签，灰区项目在名次中的位置按抽签顺序依次检查。'
	];
	const en = [
		...SCORE_ROUNDING.steps.map((s) => s.en),
		basisText[basis].en,
		'1. A proposal that is not eligible is not funded (ineligible; not_checked when its eligibility was never decided).',
		'2. One an admin excluded (with a reason) is outside the ranking; one an admin funds (with a reason) is funded first, in rank order, within the pool.',
		`3. The rest are ranked by score, highest first. ${TIE_RULE_TEXT[tieRule].en} No score ranks last and is not funded.`,
		'4. The amount is the reduced award where one is set, else the request.',
		'5. In turn: below the minimum score → below_line; over its district’s cap (by place id) → district_cap; over what is left → pool_exhausted (a smaller one further down may still fit); else funded.',
		'6. With a grey-zone lottery, the zone’s places in the ranking are taken in the drawn order.'
	];
	return { zh, en };
}

export async function decisionRecord2(db: DB, round: Round): Promise<DecisionRecord2 | null> {
	const notice = await getNotice(db, round);
	if (!notice) return null;
	const ids = notice.rows.map((r) => r.id);
	const rows = ids.length
		? await db
				.selectFrom('proposals')
				.select(['id', 'status', 'submitted_at', 'reduced_award_fen', 'reduced_award_reason', 'line_override', 'line_override_reason'])
				.where('round_id', '=', round.id)
				.where('id', 'in', ids)
				.execute()
		: [];
	const byId = new Map(rows.map((r) => [r.id, r]));
	const rubric = await getRubric(db, round.id);
	const reviews = (await roundReviews(db, round.id)).filter((r) => byId.has(r.proposalId));
	const ranking = await rankingScores(db, round, reviews);
	const names = await roundPseudonyms(db, round.id);
	const rules = lineRulesOf(round);
	const districtKey = await districtKeysOf(db);
	const districts = await districtPlaces(db);
	const lottery = await lotteryRecordOf(db, round.id);
	const objections = await db
		.selectFrom('objections')
		.select(['id', 'proposal_id', 'status', 'effect', 'response'])
		.where('round_id', '=', round.id)
		.where('status', '!=', 'open')
		.orderBy('id')
		.execute();
	const withdrawn = await db
		.selectFrom('proposals')
		.select(['id', 'title'])
		.where('round_id', '=', round.id)
		.where('status', '=', 'withdrawn')
		.where('submitted_at', 'is not', null)
		.orderBy('id')
		.execute();
	const criterionOrder = rubric.map((c) => c.id);
	const intervalMethod = ranking.basis === 'additive_model' ? 'model' : ranking.basis === 'calibrated' ? 'none' : 'bootstrap';
	const model = ranking.model;
	const tieRule = tieRuleName(rules.tieRule);
	return {
		format: DECISION_RECORD_2,
		$schema: DECISION_RECORD_2_SCHEMA,
		software: { name: pkg.name, version: pkg.version },
		round: { slug: round.slug, title: round.title, year: round.year },
		stage: notice.stage,
		rule: ruleText(ranking.basis, tieRule),
		rubric: {
			criteria: rubric.map((c) => ({ id: c.id, nameZh: c.name_zh, nameEn: c.name_en, weight: c.weight, scaleMax: c.scale_max }))
		},
		rounding: { ...SCORE_ROUNDING, steps: SCORE_ROUNDING.steps.map((s) => ({ ...s })) },
		aggregation: {
			basis: ranking.basis,
			trimRule: { dropHighest: 1, dropLowest: 1, whenReviewsAtLeast: 5 },
			interval: {
				zHundredths: INTERVAL_Z_HUNDREDTHS,
				method: intervalMethod,
				bootstrap: intervalMethod === 'bootstrap' ? basisOptions(round.id) : null
			},
			model: model && {
				// Full precision: the fitted values are recomputed from these.
				noiseVariance: model.noiseVariance,
				biasVariance: model.biasVariance,
				shrinkage: model.shrinkage,
				components: model.components,
				degreesOfFreedom: model.degreesOfFreedom,
				reviewerBias: Object.fromEntries([...model.bias].map(([id, b]) => [names.get(id)!, six(b)]).sort(([a], [b]) => (a < b ? -1 : 1))),
				fitted: Object.fromEntries([...model.quality].map(([id, q]) => [String(id), six(q.score)]))
			}
		},
		fundingRule: {
			poolFen: rules.poolFen,
			tieRule,
			minScore: rules.minScore,
			districtCapsFen: rules.districtCapsFen,
			districts: districts.map((d) => ({ placeId: d.id, name: d.name }))
		},
		greyZone: lottery && { ids: lottery.zone.map((z) => z.id), zHundredths: lottery.zHundredths },
		lottery: lottery && {
			rule: LOTTERY_RULE,
			commitment: lottery.commitment,
			recordedAt: lottery.recordedAt,
			seed: lottery.seed,
			drawnAt: lottery.drawnAt,
			drawnOrder: lottery.drawnOrder
		},
		reviews: reviews
			.map((r) => {
				const byCriterion = new Map(r.scores.map((s) => [s.criterionId, s.score]));
				return {
					proposalId: r.proposalId,
					reviewer: names.get(r.reviewerId)!,
					scores: criterionOrder.map((id) => byCriterion.get(id) ?? 0),
					totalHundredths: r.totalHundredths
				};
			})
			.sort((a, b) => a.proposalId - b.proposalId || (a.reviewer < b.reviewer ? -1 : a.reviewer > b.reviewer ? 1 : 0)),
		proposals: notice.rows
			.map((p): RecordProposal => {
				const r = byId.get(p.id)!;
				const s = ranking.scores.get(p.id);
				const key = districtKey(p.district);
				return {
					id: p.id,
					title: p.title,
					district: p.district,
					districtPlaceId: /^\d+$/.test(key) ? Number(key) : null,
					eligible: ['eligible', 'funded', 'not_funded'].includes(r.status),
					requestedFen: p.requestedFen,
					submittedAt: r.submitted_at,
					scoreHundredths: s?.hundredths ?? null,
					seHundredths: s?.seHundredths ?? null,
					interval: s && s.lower !== null && s.upper !== null ? [toHundredths(s.lower), toHundredths(s.upper)] : null,
					reducedAward: r.reduced_award_fen !== null ? { fen: r.reduced_award_fen, reason: r.reduced_award_reason ?? '' } : null,
					override: r.line_override ? { kind: r.line_override, reason: r.line_override_reason ?? '' } : null,
					published: { rank: p.rank, funded: p.funded, awardFen: p.awardFen, reason: p.reason, reasonText: p.reasonText }
				};
			})
			.sort((a, b) => a.id - b.id),
		objections: objections.map((o) => ({
			id: o.id,
			proposalId: o.proposal_id,
			outcome: o.status,
			effect: o.effect,
			response: o.response ?? ''
		})),
		withdrawn
	};
}

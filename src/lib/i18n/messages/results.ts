import type { Messages } from '../types';

export const results = {
	'results.title': { zh: '{round} · 资助结果', en: '{round} · results' },
	'results.notPublished': {
		zh: '本轮资助结果尚未发布。评审和决策完成后，资助名单会在这里公开。',
		en: 'The results of this round are not published yet. The funded list will appear here once review and decision are done.'
	},
	'results.publishedAt': { zh: '发布时间：{at}', en: 'Published {at}' },
	'results.backToRound': { zh: '返回轮次页面', en: 'Back to the round' },
	'results.none': { zh: '本轮没有获资助的项目。', en: 'No project was funded in this round.' },
	'results.col.title': { zh: '项目名称', en: 'Project' },
	'results.col.organisation': { zh: '申报主体', en: 'Organisation' },
	'results.col.district': { zh: '所在区', en: 'District' },
	'results.col.award': { zh: '资助金额', en: 'Award' },
	'results.col.score': { zh: '评审得分', en: 'Score' },
	'results.scoreRule': {
		zh: '评审得分为专家加权总分（0–100）的平均分；5 份及以上评审时去掉一个最高分和一个最低分。',
		en: 'The score is the average of the reviewers’ weighted totals (0–100); with five or more reviews the highest and lowest are dropped.'
	},
	'results.totals': { zh: '合计', en: 'Totals' },
	'results.count': { zh: '获资助项目', en: 'Funded projects' },
	'results.awarded': { zh: '资助金额合计', en: 'Total awarded' },
	'results.pool': { zh: '资助总额', en: 'Pool' },
	'results.noScore': { zh: '—', en: '—' },

	'results.project.organisation': { zh: '申报主体', en: 'Organisation' },
	'results.project.district': { zh: '所在区', en: 'District' },
	'results.project.round': { zh: '所属轮次', en: 'Round' },
	'results.project.award': { zh: '资助金额', en: 'Award' },
	'results.project.requested': { zh: '申请金额', en: 'Requested' },
	'results.project.score': { zh: '评审得分', en: 'Score' },
	'results.project.reviews': { zh: '{count} 份评审', en: '{count} reviews' },
	'results.project.summary': { zh: '项目简介', en: 'Summary' },
	'results.project.needs': { zh: '回应的社区需求', en: 'Community needs it answers' },
	'results.project.allResults': { zh: '查看本轮全部资助结果', en: 'All results of this round' }
} satisfies Messages;

import type { Messages } from '../types';

export const review = {
	// Reviewer's queue
	'review.title': { zh: '我的评审任务', en: 'My reviews' },
	'review.intro': {
		zh: '请按评分细则为分配给您的项目打分。提交前可随时保存草稿。',
		en: 'Score the proposals assigned to you against the rubric. You can save a draft at any time before submitting.'
	},
	'review.progress': { zh: '已完成 {done} / {total}', en: '{done} of {total} done' },
	'review.empty': { zh: '目前没有分配给您的评审任务。', en: 'No proposals are assigned to you yet.' },
	'review.col.round': { zh: '轮次', en: 'Round' },
	'review.col.proposal': { zh: '项目', en: 'Proposal' },
	'review.col.deadline': { zh: '评审截止', en: 'Review deadline' },
	'review.status.assigned': { zh: '待评审', en: 'To do' },
	'review.status.submitted': { zh: '已提交', en: 'Submitted' },
	'review.open': { zh: '打开评审', en: 'Open review' },

	// One assignment
	'review.back': { zh: '返回我的评审任务', en: 'Back to my reviews' },
	'review.proposal': { zh: '项目申报书', en: 'Proposal' },
	'review.organisation': { zh: '申报主体', en: 'Applicant' },
	'review.requested': { zh: '申请金额', en: 'Amount requested' },
	'review.summary': { zh: '项目简介', en: 'Summary' },
	'review.needs': { zh: '回应的社区需求', en: 'Community needs it answers' },
	'review.rubric': { zh: '评分细则', en: 'Rubric' },
	'review.weight': { zh: '权重 {weight}', en: 'weight {weight}' },
	'review.scoreLegend': { zh: '{name}（0–{max} 分，权重 {weight}）', en: '{name} (0–{max}, weight {weight})' },
	'review.notScored': { zh: '未评分', en: 'not scored' },
	'review.score': { zh: '得分', en: 'Score' },
	'review.comment': { zh: '给申报主体的总体意见', en: 'Overall comment for the applicant' },
	'review.commentHint': {
		zh: '申报主体可能看到此意见，最多 2000 字。',
		en: 'The applicant may see this comment. At most 2000 characters.'
	},
	'review.privateNote': { zh: '仅供评审组的备注', en: 'Private note for the panel' },
	'review.privateNoteHint': {
		zh: '只有评审组和管理员可见，不会公开。最多 2000 字。',
		en: 'Seen only by the panel and admins, never published. At most 2000 characters.'
	},
	'review.saveDraft': { zh: '保存草稿', en: 'Save draft' },
	'review.submit': { zh: '提交评审', en: 'Submit review' },
	'review.resubmit': { zh: '更新已提交的评审', en: 'Update submitted review' },
	'review.submitHint': {
		zh: '提交需要为每一项评分。评审阶段结束前仍可修改。',
		en: 'Submitting needs a score for every criterion. You can still change it until the review phase ends.'
	},
	'review.total': { zh: '加权总分', en: 'Weighted total' },
	'review.totalIncomplete': { zh: '全部评分后显示加权总分。', en: 'The weighted total shows once every criterion is scored.' },
	'review.saved': { zh: '草稿已保存。', en: 'Draft saved.' },
	'review.submitted': { zh: '评审已提交，谢谢！', en: 'Review submitted. Thank you!' },
	'review.submittedAt': { zh: '提交于 {at}', en: 'Submitted {at}' },
	'review.readOnly': {
		zh: '当前阶段为「{phase}」，评审只能在「专家评审」阶段填写或修改，现为只读。',
		en: 'The round is in its “{phase}” phase. Reviews can be written or changed only during expert review, so this is read-only.'
	},
	'review.others': { zh: '其他评审专家的总分', en: 'Other reviewers’ totals' },
	'review.othersNone': { zh: '其他评审专家尚未提交。', en: 'No other reviewer has submitted yet.' },
	'review.othersHidden': {
		zh: '提交您的评审后，可看到其他评审专家的总分（匿名）。',
		en: 'Once you submit, you will see the other reviewers’ totals (anonymised).'
	},
	'review.reviewerLabel': { zh: '评审 {letter}', en: 'Reviewer {letter}' },

	// Admin: proposals, panel and decision
	'review.admin.title': { zh: '项目、评审与决策', en: 'Proposals, review and decision' },
	'review.admin.back': { zh: '返回轮次设置', en: 'Back to the round' },
	'review.admin.phase': { zh: '当前阶段：{phase}', en: 'Current phase: {phase}' },
	'review.admin.empty': { zh: '本轮还没有已提交的项目。', en: 'No proposals have been submitted in this round yet.' },
	'review.admin.pool': { zh: '资助总额', en: 'Pool' },
	'review.admin.awarded': { zh: '已拟资助', en: 'Awarded so far' },
	'review.admin.left': { zh: '剩余额度', en: 'Left' },
	'review.admin.col.organisation': { zh: '申报主体', en: 'Applicant' },
	'review.admin.col.title': { zh: '项目名称', en: 'Title' },
	'review.admin.col.requested': { zh: '申请金额', en: 'Requested' },
	'review.admin.col.reviewers': { zh: '评审专家', en: 'Reviewers' },
	'review.admin.col.count': { zh: '已提交评审', en: 'Reviews in' },
	'review.admin.col.mean': { zh: '平均分', en: 'Mean' },
	'review.admin.col.trimmed': { zh: '去极值平均分', en: 'Trimmed mean' },
	'review.admin.submittedMark': { zh: '（已提交）', en: '(submitted)' },
	'review.admin.noReviewers': { zh: '尚未分配', en: 'None assigned' },
	'review.admin.award': { zh: '资助金额：{amount}', en: 'Award: {amount}' },
	'review.admin.reasonShown': { zh: '理由：{reason}', en: 'Reason: {reason}' },
	'review.admin.manage': { zh: '处理「{title}」', en: 'Act on “{title}”' },
	'review.admin.eligible': { zh: '资格审查通过', en: 'Pass eligibility' },
	'review.admin.ineligible': { zh: '资格审查不通过', en: 'Reject as ineligible' },
	'review.admin.reason': { zh: '理由', en: 'Reason' },
	'review.admin.reviewer': { zh: '评审专家', en: 'Reviewer' },
	'review.admin.chooseReviewer': { zh: '请选择', en: 'Choose…' },
	'review.admin.assign': { zh: '分配评审', en: 'Assign reviewer' },
	'review.admin.unassign': { zh: '取消分配 {name}', en: 'Remove {name}' },
	'review.admin.awardField': { zh: '资助金额（元）', en: 'Award (yuan)' },
	'review.admin.awardHint': {
		zh: '不超过申请金额 {requested}；本轮剩余额度 {left}。',
		en: 'At most the requested {requested}; {left} left in the pool.'
	},
	'review.admin.fund': { zh: '拟资助', en: 'Fund' },
	'review.admin.notFund': { zh: '不予资助', en: 'Do not fund' },
	'review.admin.publish': { zh: '发布资助结果', en: 'Publish results' },
	'review.admin.publishHint': {
		zh: '发布后，资助名单将在公开的结果页面显示，且不可撤回。',
		en: 'Once published, the funded list appears on the public results page. This cannot be undone.'
	},
	'review.admin.publishedAt': { zh: '结果已于 {at} 发布。', en: 'Results were published on {at}.' },
	'review.admin.viewResults': { zh: '查看公开结果', en: 'See the public results' },
	'review.admin.done': { zh: '已完成。', en: 'Done.' },
	'review.admin.conflictMark': { zh: '（须回避）', en: '(must recuse)' },
	'review.admin.noneActive': { zh: '没有可分配的评审专家。', en: 'No active reviewers to assign.' },

	// Errors
	'review.err.noProposal': { zh: '找不到该项目。', en: 'This proposal does not exist.' },
	'review.err.noRound': { zh: '找不到该轮次。', en: 'This round does not exist.' },
	'review.err.noReviewer': { zh: '请选择一位在职的评审专家。', en: 'Choose an active reviewer.' },
	'review.err.noAssignment': { zh: '找不到该评审任务。', en: 'This review assignment does not exist.' },
	'review.err.notSubmitted': {
		zh: '只有「已提交」的项目可以做资格审查。',
		en: 'Only submitted proposals can go through the eligibility check.'
	},
	'review.err.notEligible': {
		zh: '只能为通过资格审查的项目分配评审专家。',
		en: 'Reviewers can be assigned only to eligible proposals.'
	},
	'review.err.notDecidable': {
		zh: '只能对通过资格审查的项目作资助决定。',
		en: 'Only eligible proposals can be funded or turned down.'
	},
	'review.err.conflict': {
		zh: '该评审专家与申报主体属同一机构，须回避，不能分配。',
		en: 'This reviewer belongs to the applicant organisation and must recuse (conflict of interest).'
	},
	'review.err.duplicate': {
		zh: '该评审专家已分配到此项目。',
		en: 'This reviewer is already assigned to this proposal.'
	},
	'review.err.alreadySubmitted': {
		zh: '该评审已提交，不能取消分配。',
		en: 'This review has been submitted and cannot be removed.'
	},
	'review.err.reasonRequired': { zh: '请填写理由。', en: 'Please give a reason.' },
	'review.err.scoreRequired': { zh: '提交前请为此项评分。', en: 'Score this criterion before submitting.' },
	'review.err.scoreRange': {
		zh: '请输入 0 到 {max} 之间的整数。',
		en: 'Enter a whole number from 0 to {max}.'
	},
	'review.err.awardPositive': { zh: '资助金额须大于 0。', en: 'The award must be more than zero.' },
	'review.err.awardAboveRequest': {
		zh: '资助金额不能超过申请金额 {requested}。',
		en: 'The award cannot be more than the {requested} requested.'
	},
	'review.err.pool': {
		zh: '超出资助总额：本轮只剩 {left}。',
		en: 'This would exceed the pool: only {left} is left in this round.'
	},
	'review.err.alreadyPublished': { zh: '结果已发布过。', en: 'The results have already been published.' }
} satisfies Messages;

import type { Messages } from '../types';

/** The one status model's labels (src/lib/domain/status.ts): a proposal's stage, what comes next, a need's stage. */
export const status = {
	'status.proposal.draft': { zh: '草稿', en: 'Draft' },
	'status.proposal.submitted': { zh: '已提交', en: 'Submitted' },
	'status.proposal.awaiting_check': { zh: '待资格审查', en: 'Awaiting the eligibility check' },
	'status.proposal.returned': { zh: '退回修改', en: 'Returned for revision' },
	'status.proposal.withdrawn': { zh: '已撤回', en: 'Withdrawn' },
	'status.proposal.eligible': { zh: '资格审查通过', en: 'Eligible' },
	'status.proposal.ineligible': { zh: '未通过资格审查', en: 'Not eligible' },
	'status.proposal.not_checked': { zh: '未经资格审查', en: 'Not checked for eligibility' },
	'status.proposal.in_review': { zh: '专家评审中', en: 'In expert review' },
	'status.proposal.deciding': { zh: '评审决策中', en: 'Being decided' },
	'status.proposal.notice_funded': { zh: '公示中 · 拟资助', en: 'On public notice · proposed for funding' },
	'status.proposal.notice_not_funded': { zh: '公示中 · 拟不资助', en: 'On public notice · not proposed for funding' },
	'status.proposal.funded': { zh: '已立项 · 待签约', en: 'Funded · agreement pending' },
	'status.proposal.signed': { zh: '已签约', en: 'Agreement signed' },
	'status.proposal.in_progress': { zh: '实施中', en: 'In progress' },
	'status.proposal.completed': { zh: '已结项', en: 'Completed' },
	'status.proposal.terminated': { zh: '已终止', en: 'Terminated' },
	'status.proposal.not_funded': { zh: '未获资助', en: 'Not funded' },

	'status.next.draft': { zh: '草稿未提交，请在截止前提交', en: 'Draft: submit it before the deadline' },
	'status.next.draftLate': { zh: '未在截止前提交', en: 'Not submitted before the deadline' },
	'status.next.submitted': { zh: '已提交，截止前仍可修改', en: 'Submitted; you can edit it until the deadline' },
	'status.next.awaiting_check': { zh: '等待资格审查', en: 'Waiting for the eligibility check' },
	'status.next.returned': {
		zh: '已退回：请按审查意见修改，在修改期限前重新提交',
		en: 'Returned: fix it as the comments ask and resubmit before the revision deadline'
	},
	'status.next.returnedLate': { zh: '修改期限已过', en: 'The revision deadline has passed' },
	'status.next.withdrawn': { zh: '无', en: 'None' },
	'status.next.eligible': { zh: '等待专家评审', en: 'Waiting for expert review' },
	'status.next.ineligible': { zh: '资格审查未通过，不进入评审', en: 'Did not pass the eligibility check; not reviewed' },
	'status.next.not_checked': {
		zh: '未完成资格审查，不进入评审',
		en: 'The eligibility check was not completed; not reviewed'
	},
	'status.next.in_review': { zh: '专家评审进行中', en: 'Reviewers are scoring the proposals' },
	'status.next.deciding': { zh: '等待评审决策和公示', en: 'Waiting for the decision and the public notice' },
	'status.next.notice_funded': {
		zh: '公示期内：公示结束且名单确认后方可立项签约',
		en: 'During the notice: the grant agreement follows once the list is confirmed'
	},
	'status.next.notice_not_funded': {
		zh: '公示期内：名单确认前结果可能变动',
		en: 'During the notice: the result may change until the list is confirmed'
	},
	'status.next.funded': { zh: '名单已确认：准备签约', en: 'The list is confirmed: the grant agreement follows' },
	'status.next.signed': { zh: '协议已签署：等待首期拨付', en: 'The agreement is signed: the first tranche follows' },
	'status.next.in_progress': { zh: '项目实施中，按期提交报告', en: 'In progress: report on time' },
	'status.next.terminated': { zh: '项目已终止，未使用的资金退回', en: 'The project was terminated; unspent money is returned' },
	'status.next.completed': { zh: '项目已结项', en: 'The project is completed' },
	'status.next.not_funded': { zh: '未获资助，可查看评审结果', en: 'Not funded; see the results' },

	'status.need.pending': { zh: '待审核', en: 'Awaiting moderation' },
	'status.need.declined': { zh: '未采纳', en: 'Not taken up' },
	'status.need.merged': { zh: '已合并', en: 'Merged' },
	'status.need.published': { zh: '已公开 · 暂无项目回应', en: 'Published · no proposal yet' },
	'status.need.answered': { zh: '已有项目回应', en: 'Answered by a proposal' },
	'status.need.notice': { zh: '公示中 · 有项目拟资助', en: 'On public notice · a project is proposed' },
	'status.need.funded': { zh: '已有项目立项', en: 'A project is funded' },
	'status.need.implementing': { zh: '项目实施中', en: 'A project is under way' },
	'status.need.completed': { zh: '项目已结项', en: 'The project is completed' },
	'status.need.not_funded': { zh: '回应的项目未获资助', en: 'The proposals answering it were not funded' },

	'results.reason.not_checked': { zh: '未经资格审查', en: 'Not checked for eligibility' },
	'stats.fundedProvisional': { zh: '拟资助项目（公示中）', en: 'Proposed for funding (on notice)' },
	'stats.awardedProvisional': { zh: '拟资助金额（公示中）', en: 'Proposed awards (on notice)' },
	'stats.col.proposed': { zh: '拟资助', en: 'Proposed' }
} satisfies Messages;

import type { Messages } from '../types';

export const proposals = {
	'station.title': { zh: '申报工作台', en: 'Applicant desk' },
	'station.org': { zh: '申报机构：{name}', en: 'Organisation: {name}' },
	'station.proposals.title': { zh: '本机构的申报项目', en: 'Our proposals' },
	'station.proposals.empty': { zh: '本机构还没有申报项目。', en: 'Our organisation has no proposals yet.' },
	'station.open.title': { zh: '正在接受申报的轮次', en: 'Rounds open for proposals' },
	'station.open.empty': {
		zh: '目前没有处于「项目申报」阶段的轮次。',
		en: 'No round is taking proposals at the moment.'
	},
	'station.open.deadline': { zh: '申报截止：{at}', en: 'Deadline: {at}' },
	'station.open.limit': {
		zh: '每个机构最多提交 {max} 个项目，本机构已提交 {count} 个。',
		en: 'Each organisation may submit up to {max}; we have submitted {count}.'
	},
	'station.open.new': { zh: '新建申报', en: 'New proposal' },
	'proposal.field.title': { zh: '项目名称', en: 'Project title' },
	'proposal.field.summary': { zh: '项目简介', en: 'Summary' },
	'proposal.field.amount': { zh: '申请资助金额（元）', en: 'Amount requested (yuan)' },
	'proposal.field.needs': { zh: '回应的社区需求', en: 'Community needs it answers' },
	'proposal.field.round': { zh: '轮次', en: 'Round' },
	'proposal.field.nextStep': { zh: '下一步', en: 'Next step' },
	'proposal.field.updated': { zh: '最后保存', en: 'Last saved' },
	'proposal.summaryHint': {
		zh: '说明要解决的问题、服务对象、主要活动和预期成效，最多 {max} 字。',
		en: 'The problem, who it serves, the main activities and the expected results; at most {max} characters.'
	},
	'proposal.amountHint': {
		zh: '本轮单个项目可申请 {min} 至 {max}。',
		en: 'This round grants between {min} and {max} per project.'
	},
	'proposal.needsHint': {
		zh: '请至少选择一项本轮已发布的需求。',
		en: 'Choose at least one of the needs published in this round.'
	},
	'proposal.needsNone': {
		zh: '本轮还没有已发布的需求，暂时无法申报。',
		en: 'This round has no published needs yet, so there is nothing to answer.'
	},
	'proposal.new.title': { zh: '新建申报', en: 'New proposal' },
	'proposal.edit.title': { zh: '申报项目', en: 'Proposal' },
	'proposal.saveDraft': { zh: '保存草稿', en: 'Save draft' },
	'proposal.saveChanges': { zh: '保存修改', en: 'Save changes' },
	'proposal.submit': { zh: '提交申报', en: 'Submit proposal' },
	'proposal.submitHint': {
		zh: '提交后，在申报截止（{at}）前仍可修改。',
		en: 'After submitting you can still edit it until the deadline ({at}).'
	},
	'proposal.withdraw.title': { zh: '撤回申报', en: 'Withdraw' },
	'proposal.withdraw.hint': {
		zh: '撤回后此项目不再参加本轮评审，且不能恢复。',
		en: 'A withdrawn proposal leaves this round for good; this cannot be undone.'
	},
	'proposal.withdraw.confirm': {
		zh: '我确认撤回此项目',
		en: 'I confirm I want to withdraw this proposal'
	},
	'proposal.withdraw.submit': { zh: '撤回此申报', en: 'Withdraw this proposal' },
	'proposal.deadlinePassed': {
		zh: '申报已于 {at} 截止，本页仅供查看。',
		en: 'The deadline passed at {at}; this page is read-only.'
	},
	'proposal.readOnly': {
		zh: '此申报当前状态为「{status}」，不能修改。',
		en: 'This proposal is “{status}” and can no longer be edited.'
	},
	'proposal.done.created': { zh: '草稿已保存。', en: 'Draft saved.' },
	'proposal.done.saved': { zh: '已保存。', en: 'Saved.' },
	'proposal.done.submitted': {
		zh: '已提交申报。截止前仍可修改。',
		en: 'Proposal submitted. You can still edit it until the deadline.'
	},
	'proposal.done.withdrawn': { zh: '已撤回。', en: 'Withdrawn.' },
	'proposal.err.amountRange': {
		zh: '申请金额须在 {min} 至 {max} 之间。',
		en: 'The amount must be between {min} and {max}.'
	},
	'proposal.err.needs': {
		zh: '请至少选择一项社区需求。',
		en: 'Choose at least one community need.'
	},
	'proposal.err.needsInvalid': {
		zh: '所选需求不属于本轮或尚未发布，请重新选择。',
		en: 'A chosen need is not a published need of this round; please choose again.'
	},
	'proposal.err.limit': {
		zh: '本轮每个机构最多提交 {max} 个项目，本机构已达上限。可先撤回其他项目。',
		en: 'Each organisation may submit at most {max} proposals in this round and we have reached it. Withdraw another one first.'
	},
	'proposal.err.deadline': {
		zh: '申报已于 {at} 截止，未能保存。',
		en: 'The deadline passed at {at}; nothing was saved.'
	},
	'proposal.err.status': {
		zh: '此申报当前状态为「{status}」，不能进行此操作。',
		en: 'This proposal is “{status}”; this action is not available.'
	},
	'proposal.err.withdrawConfirm': {
		zh: '请勾选确认后再撤回。',
		en: 'Tick the box to confirm the withdrawal.'
	},
	'proposal.err.conflict': {
		zh: '在您编辑期间，同机构的其他人已保存了此申报。您填写的内容仍在下方，已保存的版本列在旁边；请核对后再次保存。',
		en: 'Someone else in your organisation saved this proposal while you were editing. What you typed is still below and the saved version is shown beside it; compare them, then save again.'
	},
	'proposal.conflict.saved': { zh: '已保存的版本', en: 'The saved version' },
	'proposal.conflict.yours': { zh: '您的修改', en: 'Your changes' },
	'proposal.next.draftOpen': {
		zh: '草稿未提交，请在截止前提交',
		en: 'Draft: submit it before the deadline'
	},
	'proposal.next.draftLate': {
		zh: '未在截止前提交',
		en: 'Not submitted before the deadline'
	},
	'proposal.next.submittedOpen': {
		zh: '已提交，截止前仍可修改',
		en: 'Submitted; you can edit it until the deadline'
	},
	'proposal.next.submittedCheck': {
		zh: '等待资格审查',
		en: 'Waiting for the eligibility check'
	},
	'proposal.next.eligible': {
		zh: '等待专家评审和评审决策',
		en: 'Waiting for expert review and the decision'
	},
	'proposal.next.ineligible': {
		zh: '资格审查未通过',
		en: 'Did not pass the eligibility check'
	},
	'proposal.next.funded': {
		zh: '拟资助：等待公示结束后签约',
		en: 'Funded: the grant agreement follows the public notice'
	},
	'proposal.next.not_funded': { zh: '未获资助，可查看评审结果', en: 'Not funded; see the results' },
	'proposal.next.withdrawn': { zh: '无', en: 'None' }
} satisfies Messages;

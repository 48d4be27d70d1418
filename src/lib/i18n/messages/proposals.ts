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
	'proposal.status.returned': { zh: '退回修改', en: 'Returned for revision' },
	'proposal.err.revisionDeadline': {
		zh: '修改期限已于 {at} 截止，未能保存。',
		en: 'The revision deadline passed at {at}; nothing was saved.'
	},
	'proposal.err.activities': { zh: '请至少填写一项活动。', en: 'Add at least one activity.' },
	'proposal.err.indicators': { zh: '请至少填写一项成效指标。', en: 'Add at least one outcome indicator.' },
	'proposal.err.budgetEmpty': { zh: '请至少填写一行预算。', en: 'Add at least one budget line.' },
	'proposal.err.personnelCap': {
		zh: '人员费用 {actual} 超过资助金额的 {pct}%（上限 {cap}）。',
		en: 'Personnel costs of {actual} exceed {pct}% of the grant (at most {cap}).'
	},
	'proposal.err.adminCap': {
		zh: '行政费用 {actual} 超过资助金额的 {pct}%（上限 {cap}）。',
		en: 'Admin costs of {actual} exceed {pct}% of the grant (at most {cap}).'
	},
	'proposal.err.matching': {
		zh: '配套资金（现金加志愿服务折算）{actual} 不足资助金额的 {pct}%（至少 {needed}）。',
		en: 'Matching funds (cash plus volunteer hours) of {actual} are less than {pct}% of the grant (at least {needed}).'
	},
	'proposal.err.banned': {
		zh: '预算第 {line} 行属于本轮不可列支的费用类别，请删除或改正。',
		en: 'Budget line {line} is in a category this round does not fund; remove or change it.'
	},
	'proposal.err.month': { zh: '请填写月份，如 2026-03。', en: 'Enter a month such as 2026-03.' },
	'proposal.err.monthOrder': { zh: '结束月份不能早于开始月份。', en: 'The end month cannot be before the start month.' },
	'proposal.err.quantity': {
		zh: '数量须为 1 至 100000 的整数。',
		en: 'The quantity must be a whole number from 1 to 100000.'
	},
	'proposal.field.grant': { zh: '申请资助金额（预算合计）', en: 'Grant requested (budget total)' },
	'proposal.field.targetGroup': { zh: '服务对象', en: 'Target group' },
	'proposal.field.beneficiaries': { zh: '预计受益人次', en: 'Expected beneficiary visits' },
	'proposal.field.team': { zh: '项目团队', en: 'Project team' },
	'proposal.teamHint': {
		zh: '负责人、社工和志愿者的分工与经验。',
		en: 'Who leads, the social workers and volunteers, their roles and experience.'
	},
	'proposal.field.matchingCash': { zh: '配套资金：合作方现金（元）', en: 'Matching funds: cash from partners (yuan)' },
	'proposal.field.volunteerHours': { zh: '志愿服务时数（小时）', en: 'Volunteer hours' },
	'proposal.volunteerHint': {
		zh: '按本轮标准每小时 {rate} 折算为配套资金。',
		en: 'Counted towards matching funds at this round’s rate of {rate} an hour.'
	},
	'proposal.activities.title': { zh: '活动安排', en: 'Activities' },
	'proposal.activity.name': { zh: '活动内容', en: 'Activity' },
	'proposal.activity.start': { zh: '开始月份', en: 'Start month' },
	'proposal.activity.end': { zh: '结束月份', en: 'End month' },
	'proposal.indicators.title': { zh: '成效指标', en: 'Outcome indicators' },
	'proposal.indicator.name': { zh: '指标名称', en: 'Indicator' },
	'proposal.indicator.target': { zh: '目标值', en: 'Target' },
	'proposal.indicator.unit': { zh: '单位', en: 'Unit' },
	'proposal.budget.title': { zh: '项目预算', en: 'Budget' },
	'proposal.budget.hint': {
		zh: '每行填写类别、项目、单位、数量和单价；合计即为申请资助金额，须在 {min} 至 {max} 之间。人员费用不超过 {personnel}%，行政费用不超过 {admin}%，配套资金不少于 {matching}%。',
		en: 'Each line: category, item, unit, quantity and unit price. The total is the grant requested, between {min} and {max}. Personnel at most {personnel}%, admin at most {admin}%, matching funds at least {matching}%.'
	},
	'proposal.budget.category': { zh: '类别', en: 'Category' },
	'proposal.budget.item': { zh: '项目', en: 'Item' },
	'proposal.budget.unit': { zh: '单位', en: 'Unit' },
	'proposal.budget.quantity': { zh: '数量', en: 'Quantity' },
	'proposal.budget.price': { zh: '单价（元）', en: 'Unit price (yuan)' },
	'proposal.budget.lineTotal': { zh: '小计', en: 'Line total' },
	'proposal.budget.total': { zh: '预算合计', en: 'Budget total' },
	'proposal.budget.matching': { zh: '配套资金合计', en: 'Matching funds in total' },
	'proposal.budget.volunteerValue': { zh: '志愿服务折算', en: 'Volunteer hours valued' },
	'proposal.budget.share': { zh: '占资助金额', en: 'Share of the grant' },
	'proposal.budget.ok': { zh: '预算符合本轮规则。', en: 'The budget meets this round’s rules.' },
	'proposal.budget.banned': { zh: '（不可列支）', en: '(not funded)' },
	'proposal.row.line': { zh: '第 {n} 行', en: 'Line {n}' },
	'proposal.row.add': { zh: '添加一行', en: 'Add a line' },
	'proposal.row.remove': { zh: '删除第 {n} 行', en: 'Remove line {n}' },
	'proposal.row.added': {
		zh: '表格已更新，尚未保存。',
		en: 'The table was updated; nothing is saved yet.'
	},
	'proposal.resubmit': { zh: '重新提交', en: 'Resubmit' },
	'proposal.done.resubmitted': {
		zh: '已重新提交，等待资格审查。',
		en: 'Resubmitted; it waits for the eligibility check.'
	},
	'proposal.returned.title': { zh: '资格审查意见：退回修改', en: 'Eligibility check: returned for revision' },
	'proposal.returned.due': { zh: '请在 {at} 前修改并重新提交。', en: 'Fix it and resubmit before {at}.' },
	'proposal.outcome.title': { zh: '资格审查结果', en: 'Eligibility check' },
	'proposal.outcome.pass': { zh: '已通过资格审查。', en: 'Passed the eligibility check.' },
	'proposal.outcome.reject': { zh: '未通过资格审查。原因：', en: 'Did not pass the eligibility check. Reason:' },
	'proposal.history.title': { zh: '提交记录', en: 'Submission history' },
	'proposal.history.empty': { zh: '尚未提交。', en: 'Not submitted yet.' },
	'proposal.history.entry': { zh: '第 {version} 版 · {at} · {by}', en: 'Version {version} · {at} · {by}' },
	'proposal.attachments.title': { zh: '附件', en: 'Attachments' },
	'proposal.attachments.hint': {
		zh: '可上传 PDF、JPEG 或 PNG 文件，每个不超过 10 MB。',
		en: 'PDF, JPEG or PNG files of up to 10 MB each.'
	},
	'proposal.attachments.empty': { zh: '还没有附件。', en: 'No attachments yet.' },
	'proposal.attachments.file': { zh: '选择文件', en: 'File' },
	'proposal.attachments.upload': { zh: '上传附件', en: 'Upload' },
	'proposal.attachments.remove': { zh: '删除', en: 'Remove' },
	'proposal.attachments.saveFirst': {
		zh: '保存草稿后即可上传附件。',
		en: 'Save a draft first; then you can attach files.'
	},
	'proposal.done.attached': { zh: '附件已上传。', en: 'File attached.' },
	'proposal.done.detached': { zh: '附件已删除。', en: 'Attachment removed.' },
	'proposal.err.fileMissing': { zh: '请选择要上传的文件。', en: 'Choose a file to upload.' },
	'proposal.err.fileName': {
		zh: '无法读取这个文件的名称（其中有引号或换行等字符）。请给文件改个名字后再上传。',
		en: 'The file’s name could not be read (it holds quotes or line breaks). Rename the file and upload it again.'
	},
	'proposal.err.fileTooBig': {
		zh: '文件超过 10 MB，请压缩后再上传。',
		en: 'The file is larger than 10 MB; make it smaller and try again.'
	},
	'proposal.err.fileType': {
		zh: '只能上传 PDF、JPEG 或 PNG 文件（按文件内容判断，而不是文件名）。',
		en: 'Only PDF, JPEG or PNG files can be attached (judged by the content, not the name).'
	},
	'proposal.err.fileCount': { zh: '每个项目最多 {max} 个附件。', en: 'A proposal takes at most {max} attachments.' },
	'proposal.status.label': { zh: '状态', en: 'Status' },
	'budget.category.personnel': { zh: '人员', en: 'Personnel' },
	'budget.category.activities': { zh: '活动', en: 'Activities' },
	'budget.category.materials': { zh: '物资', en: 'Materials' },
	'budget.category.publicity': { zh: '宣传', en: 'Publicity' },
	'budget.category.transport': { zh: '交通', en: 'Transport' },
	'budget.category.admin': { zh: '行政', en: 'Admin' },
	'budget.category.other': { zh: '其他', en: 'Other' },
	'budget.category.fixed_assets': { zh: '固定资产', en: 'Fixed assets' },
	'budget.category.cash_transfer': { zh: '直接发放现金', en: 'Cash to beneficiaries' },
	'proposal.needsSearch': { zh: '搜索需求（名称、区、街道）', en: 'Search needs (title, district, street)' },
	'proposal.revisionPassed': {
		zh: '修改期限已于 {at} 截止，本页仅供查看。',
		en: 'The revision deadline passed at {at}; this page is read-only.'
	},
	'eligibility.err.checklist': {
		zh: '通过资格审查前，须逐项勾选审查清单。',
		en: 'Tick every checklist item before passing the proposal.'
	},
	'eligibility.err.comment': {
		zh: '退回修改或不予通过时，须填写意见或理由。',
		en: 'Returning or rejecting needs comments or a reason.'
	},
	'eligibility.err.due': {
		zh: '修改期限须晚于现在，且不晚于专家评审开始（{before}）。',
		en: 'The revision deadline must be later than now and no later than the start of expert review ({before}).'
	},
	'eligibility.title': { zh: '资格审查', en: 'Eligibility check' },
	'eligibility.phaseNote': { zh: '当前阶段：{phase}。只有在「资格审查」阶段才能登记审查结果。', en: 'Current phase: {phase}. Outcomes are recorded in the eligibility-check phase.' },
	'eligibility.empty': { zh: '本轮还没有已提交的申报。', en: 'No proposals have been submitted in this round.' },
	'eligibility.dueShort': { zh: '修改期限 {at}', en: 'Revision due {at}' },
	'eligibility.rulesCheck': { zh: '预算规则核对', en: 'Budget rules' },
	'eligibility.form.title': { zh: '登记审查结果', en: 'Record the outcome' },
	'eligibility.checklist': { zh: '审查清单', en: 'Checklist' },
	'eligibility.outcome': { zh: '审查结论', en: 'Outcome' },
	'eligibility.outcome.pass': { zh: '通过', en: 'Pass' },
	'eligibility.outcome.return': { zh: '退回修改', en: 'Return for revision' },
	'eligibility.outcome.reject': { zh: '不予通过', en: 'Reject' },
	'eligibility.comment': { zh: '意见或理由', en: 'Comments or reason' },
	'eligibility.commentHint': {
		zh: '退回修改或不予通过时必填，申报机构可以看到。',
		en: 'Required to return or reject; the organisation sees it.'
	},
	'eligibility.revisionDueAt': { zh: '修改期限', en: 'Revision deadline' },
	'eligibility.revisionDueHint': {
		zh: '{tz} 时间，不晚于专家评审开始（{before}）。',
		en: '{tz} time; no later than the start of expert review ({before}).'
	},
	'eligibility.record': { zh: '登记结果', en: 'Record outcome' },
	'eligibility.history': { zh: '审查记录', en: 'Check history' },
	'eligibility.done.pass': { zh: '已登记：通过资格审查。', en: 'Recorded: passed.' },
	'eligibility.done.return': { zh: '已退回修改，申报机构可在期限前重新提交。', en: 'Returned; the organisation may resubmit before the deadline.' },
	'eligibility.done.reject': { zh: '已登记：不予通过。', en: 'Recorded: rejected.' },
	'eligibility.err.outcome': { zh: '请选择审查结论。', en: 'Choose an outcome.' },
	'rules.title': { zh: '申报规则', en: 'Proposal rules' },
	'rules.locked': {
		zh: '本轮已进入「{phase}」阶段，申报规则不能再修改。',
		en: 'The round is in “{phase}”; its proposal rules can no longer change.'
	},
	'rules.matchingMinPct': { zh: '配套资金不少于资助金额的（%）', en: 'Matching funds at least (% of the grant)' },
	'rules.personnelMaxPct': { zh: '人员费用不超过（%）', en: 'Personnel at most (% of the grant)' },
	'rules.adminMaxPct': { zh: '行政费用不超过（%）', en: 'Admin at most (% of the grant)' },
	'rules.volunteerRate': { zh: '志愿服务每小时折算（元）', en: 'Value of a volunteer hour (yuan)' },
	'rules.banned': { zh: '不可列支的费用类别', en: 'Categories the round does not fund' },
	'rules.checklist': { zh: '资格审查清单', en: 'Eligibility checklist' },
	'rules.checklistHint': { zh: '每行一项，最多 20 项。', en: 'One item per line, at most 20.' },
	'adminProposals.title': { zh: '全部申报', en: 'All proposals' },
	'adminProposals.category': { zh: '需求类别', en: 'Need category' },
	'adminProposals.counts': { zh: '统计', en: 'Counts' },
	'adminProposals.list': { zh: '申报项目（{count} 个）', en: 'Proposals ({count})' },
	'station.profile.link': { zh: '机构信息', en: 'Organisation profile' },
	'station.returnedDue': { zh: '修改期限：{at}', en: 'Revision due: {at}' },
	'proposal.resubmitHint': {
		zh: '请按审查意见修改，并在 {at} 前重新提交；保存修改不会重新提交。',
		en: 'Fix it as the comments ask and resubmit before {at}; saving changes does not resubmit.'
	},
	'eligibility.revisionDueRequired': { zh: '（选择退回时必填）', en: '(required to return)' }
} satisfies Messages;

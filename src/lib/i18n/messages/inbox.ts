import type { Messages } from '../types';

/** The inbox (notices to admins and stations), the outbox, the admins' to-do list and the process guards. */
export const inbox = {
	'notice.returned': {
		zh: '「{title}」被退回修改，请在 {due} 前修改并重新提交。',
		en: '“{title}” was returned for revision; resubmit it before {due}.'
	},
	'notice.eligibilityPassed': { zh: '「{title}」已通过资格审查，将进入专家评审。', en: '“{title}” passed the eligibility check and goes to expert review.' },
	'notice.eligibilityRejected': { zh: '「{title}」未通过资格审查，请查看审查意见。', en: '“{title}” did not pass the eligibility check; see the comments.' },
	'notice.reviewsComplete': {
		zh: '「{round}」的评审已全部提交（{count} 份），可以进入评审决策。',
		en: 'Every review of “{round}” is in ({count}); the decision can start.'
	},
	'notice.noticePublished': {
		zh: '「{round}」拟资助名单已公示，公示期至 {ends}；公示期内结果可能变动。',
		en: 'The provisional list of “{round}” is on public notice until {ends}; it may change until confirmed.'
	},
	'notice.listConfirmed': { zh: '「{round}」资助名单已确认，可查看结果。', en: 'The list of “{round}” is confirmed; see the result.' },
	'notice.objectionAnswered': {
		zh: '对「{title}」的异议已答复：{objectionStatus}。',
		en: 'The objection to “{title}” was answered: {objectionStatus}.'
	},

	'inbox.title': { zh: '收件箱', en: 'Inbox' },
	'inbox.nav': { zh: '收件箱（{count}）', en: 'Inbox ({count})' },
	'inbox.empty': { zh: '暂无通知。', en: 'No notices.' },
	'inbox.unread': { zh: '未读', en: 'Unread' },
	'inbox.markRead': { zh: '全部标为已读', en: 'Mark all as read' },
	'inbox.mailNote': {
		zh: '配置了邮件服务器时，这些通知也会发送到您的电子邮箱。',
		en: 'When a mail server is configured, these notices are also e-mailed to you.'
	},

	'outbox.title': { zh: '待发邮件', en: 'Outgoing e-mail' },
	'outbox.intro': {
		zh: '邮件随操作一起写入待发队列，在响应之后发送；发送失败的会按退避时间自动重试，不会丢失。',
		en: 'E-mails are written with the change they tell of and sent after the response; a failed send is retried with backoff and never lost.'
	},
	'outbox.empty': { zh: '没有待发的邮件。', en: 'No e-mail is waiting.' },
	'outbox.col.to': { zh: '收件人', en: 'To' },
	'outbox.col.subject': { zh: '主题', en: 'Subject' },
	'outbox.col.attempts': { zh: '已尝试', en: 'Attempts' },
	'outbox.col.next': { zh: '下次尝试', en: 'Next attempt' },
	'outbox.col.error': { zh: '最近错误', en: 'Last error' },
	'outbox.retry': { zh: '立即重试全部', en: 'Retry all now' },
	'outbox.retried': { zh: '已安排 {count} 封邮件立即重试。', en: '{count, plural, one {# e-mail} other {# e-mails}} will be retried now.' },
	'outbox.mailOff': { zh: '未配置邮件服务器（SMTP_URL），只发送站内通知。', en: 'No mail server is configured (SMTP_URL): notices are in-app only.' },

	'todo.title': { zh: '待办事项', en: 'To do' },
	'todo.none': { zh: '目前没有待办事项。', en: 'Nothing waits for you now.' },
	'todo.needs': { zh: '待审核的需求', en: 'Needs to moderate' },
	'todo.check': { zh: '待资格审查的申报', en: 'Proposals to check' },
	'todo.unchecked': { zh: '未经资格审查的申报', en: 'Proposals never checked' },
	'todo.reviewsOverdue': { zh: '逾期未交的评审', en: 'Reviews overdue' },
	'todo.reviewsShort': { zh: '评审份数不足的申报', en: 'Proposals short of reviews' },
	'todo.objections': { zh: '待答复的异议', en: 'Objections open' },
	'todo.conflicts': { zh: '评审专家申请回避', en: 'Conflicts declared' },
	'todo.outbox': { zh: '发送失败的邮件', en: 'E-mails failing' },
	'todo.count': { zh: '{label}：{count}', en: '{label}: {count}' },

	'guard.unchecked.title': { zh: '还有 {count} 份申报未完成资格审查', en: '{count, plural, one {# proposal has} other {# proposals have}} not been checked' },
	'guard.unchecked.intro': {
		zh: '离开资格审查前请选择：现在审查它们，或将它们作为“未经资格审查”带入下一阶段（不进入评审、公示中标注为未经资格审查），并写明理由。',
		en: 'Before leaving the eligibility check, choose: check them now, or carry them on as “not checked” (not reviewed, shown as not checked on the notice) with a reason.'
	},
	'guard.unchecked.checkNow': { zh: '现在审查', en: 'Check them now' },
	'guard.unchecked.carry': {
		zh: '将这些申报作为“未经资格审查”带入下一阶段',
		en: 'Carry these proposals on as “not checked”'
	},
	'guard.unchecked.reason': { zh: '理由（记入审计日志）', en: 'Reason (kept in the audit log)' },
	'guard.unchecked.refused': {
		zh: '还有 {count} 份申报未完成资格审查：请先审查，或勾选“作为未经资格审查带入”并写明理由。',
		en: '{count, plural, one {# proposal is} other {# proposals are}} not checked: check them first, or tick “carry on as not checked” and give a reason.'
	},
	'guard.short.title': { zh: '{count} 份申报的评审不完整', en: '{count, plural, one {# proposal is} other {# proposals are}} short of reviews' },
	'guard.short.intro': {
		zh: '以下申报提交的评审少于本轮要求的份数。可以先催交或补派评审；如需现在划线，请写明理由（记入审计日志）。',
		en: 'These proposals have fewer submitted reviews than the round asks for. Remind or reassign reviewers first; to draw the line now, give a reason (kept in the audit log).'
	},
	'guard.short.row': { zh: '「{title}」：{done}/{wanted} 份', en: '“{title}”: {done} of {wanted}' },
	'guard.short.reason': { zh: '在评审不完整时划线的理由', en: 'Why draw the line with reviews missing' },
	'guard.short.refused': {
		zh: '{count} 份申报的评审不完整：请补齐评审，或写明现在划线的理由。',
		en: '{count, plural, one {# proposal is} other {# proposals are}} short of reviews: complete them, or give a reason to draw the line now.'
	}
} satisfies Messages;

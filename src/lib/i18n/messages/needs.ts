import type { Messages } from '../types';

export const needs = {
	'needs.err.count': {
		zh: '请填写 1 至 1000000 之间的整数。',
		en: 'Enter a whole number from 1 to 1,000,000.'
	},
	'needs.err.consent': {
		zh: '留下联系方式时，请勾选同意。',
		en: 'Please tick the consent box when you leave a contact.'
	},
	'needs.err.nothingChecked': {
		zh: '请先勾选要发布的需求。',
		en: 'Tick the needs to publish first.'
	},
	'needs.err.notPending': {
		zh: '该需求已处理过，请刷新页面查看。',
		en: 'This need has already been handled; reload the page to see it.'
	},

	'needs.field.title': { zh: '需求标题', en: 'Title' },
	'needs.field.titleHint': {
		zh: '一句话说明问题，例如「独居长者缺少助餐服务」。',
		en: 'The problem in one line, e.g. “Older people living alone have no meal service”.'
	},
	'needs.field.description': { zh: '具体情况', en: 'What is happening' },
	'needs.field.descriptionHint': {
		zh: '问题是什么、持续多久、现在有什么困难。请不要填写他人的姓名、电话等个人信息。',
		en: 'What the problem is, how long it has lasted, what makes it hard now. Please leave out other people’s names and phone numbers.'
	},
	'needs.field.category': { zh: '服务领域', en: 'Service area' },
	'needs.field.district': { zh: '所在区', en: 'District' },
	'needs.field.street': { zh: '街道 / 镇', en: 'Street or town' },
	'needs.field.streetHint': {
		zh: '例如：南华西街道、江南中街道。',
		en: 'For example: Nanhuaxi Street, Jiangnanzhong Street.'
	},
	'needs.field.affectedGroup': { zh: '受影响的人群', en: 'Who is affected' },
	'needs.field.affectedGroupHint': {
		zh: '例如：小区内行动不便的独居长者。',
		en: 'For example: older people living alone who find it hard to get out.'
	},
	'needs.field.affectedCount': { zh: '大约人数', en: 'About how many people' },
	'needs.field.urgency': { zh: '紧急程度', en: 'How urgent' },
	'needs.field.contactName': { zh: '您的称呼', en: 'Your name' },
	'needs.field.contactPhone': { zh: '联系电话', en: 'Phone' },
	'needs.field.contactPhoneHint': {
		zh: '手机号或座机号，例如 13800138000 或 020-83331234。',
		en: 'A mobile or landline number, e.g. 13800138000 or 020-83331234.'
	},
	'needs.field.consent': {
		zh: '我同意工作人员用以上联系方式核实此需求；联系方式不会公开。',
		en: 'Staff may use this contact to check the need; it is never published.'
	},
	'needs.field.honeypot': { zh: '请勿填写此项', en: 'Leave this field empty' },
	'needs.choose': { zh: '请选择', en: 'Please choose' },

	'needs.new.title': { zh: '反映社区需求', en: 'Report a community need' },
	'needs.new.intro': {
		zh: '您身边有什么急需解决的问题？无需注册即可提交。工作人员审核后，需求会公开在需求清单上，供社工站、社会组织设计项目来回应。',
		en: 'Is there a problem in your neighbourhood that needs solving? No account needed. Once staff have checked it, the need is published on the needs list so that stations and organisations can design projects to answer it.'
	},
	'needs.new.contactHeading': { zh: '联系方式（选填）', en: 'Contact (optional)' },
	'needs.new.contactNote': {
		zh: '仅用于核实需求，只有工作人员能看到，绝不公开。',
		en: 'Used only to check the need; only staff can see it and it is never published.'
	},
	'needs.new.submit': { zh: '提交需求', en: 'Send the need' },
	'needs.new.sending': { zh: '正在提交…', en: 'Sending…' },
	'needs.new.closed': {
		zh: '本轮需求征集已结束，当前阶段为「{phase}」，暂不接收新的需求。',
		en: 'The needs call for this round is closed: the round is in its “{phase}” phase, so new needs are not accepted.'
	},
	'needs.new.toBoard': { zh: '查看需求清单', en: 'See the needs list' },

	'needs.board.title': { zh: '需求清单', en: 'Needs list' },
	'needs.board.intro': {
		zh: '经工作人员审核后公开的居民需求。申报的项目须回应至少一项已发布的需求。',
		en: 'Residents’ needs, published after staff checked them. Every proposal must answer at least one published need.'
	},
	'needs.board.callOpen': {
		zh: '需求征集正在进行，欢迎反映您身边的问题。',
		en: 'The needs call is open: tell us about a problem near you.'
	},
	'needs.board.report': { zh: '我要反映需求', en: 'Report a need' },
	'needs.board.filters': { zh: '筛选需求', en: 'Filter needs' },
	'needs.board.total': { zh: '共 {total} 项需求', en: '{total} need(s)' },
	'needs.board.empty': { zh: '暂无符合条件的需求。', en: 'No needs match.' },
	'needs.board.support': { zh: '{count} 人附议', en: '{count} support(s)' },
	'needs.board.page': { zh: '第 {page} / {pages} 页', en: 'Page {page} of {pages}' },
	'needs.board.pagination': { zh: '分页', en: 'Pages' },

	'needs.detail.description': { zh: '具体情况', en: 'What is happening' },
	'needs.detail.place': { zh: '地点', en: 'Place' },
	'needs.detail.affected': { zh: '受影响人群', en: 'Who is affected' },
	'needs.detail.people': { zh: '（约 {count} 人）', en: ' (about {count} people)' },
	'needs.detail.published': { zh: '发布时间', en: 'Published' },
	'needs.detail.round': { zh: '所属轮次', en: 'Round' },
	'needs.detail.answers': { zh: '回应此需求的项目', en: 'Proposals answering it' },
	'needs.detail.answersCount': { zh: '{count} 个', en: '{count}' },
	'needs.detail.funded': { zh: '获资助的项目', en: 'Funded projects' },
	'needs.detail.toBoard': { zh: '返回需求清单', en: 'Back to the needs list' },

	'needs.track.title': { zh: '需求进度查询', en: 'Follow your need' },
	'needs.track.successHeading': { zh: '需求已提交，谢谢您！', en: 'Thank you, your need has been sent!' },
	'needs.track.keep': {
		zh: '请记下或截图保存下面的回执码。凭回执码可以随时在本页查看处理进度，丢失后无法找回。',
		en: 'Write down or screenshot the receipt code below. With it you can follow the need on this page at any time; a lost code cannot be recovered.'
	},
	'needs.track.code': { zh: '回执码', en: 'Receipt code' },
	'needs.track.copy': { zh: '复制回执码', en: 'Copy the code' },
	'needs.track.copied': { zh: '已复制。', en: 'Copied.' },
	'needs.track.copyFailed': {
		zh: '无法自动复制，请长按回执码手动复制。',
		en: 'Could not copy; press and hold the code to copy it yourself.'
	},
	'needs.track.progress': { zh: '处理进度', en: 'Progress' },
	'needs.track.received': { zh: '已收到（{date}）', en: 'Received ({date})' },
	'needs.track.pending': { zh: '等待工作人员审核', en: 'Waiting for staff to check it' },
	'needs.track.published': { zh: '已审核并公开（{date}）', en: 'Checked and published ({date})' },
	'needs.track.declined': { zh: '未被采纳', en: 'Not taken up' },
	'needs.track.declinedReason': { zh: '理由：{reason}', en: 'Reason: {reason}' },
	'needs.track.merged': {
		zh: '已与内容相近的需求合并处理',
		en: 'Merged with a similar need'
	},
	'needs.track.answered': {
		zh: '已有 {count} 个项目申报回应此需求',
		en: '{count} proposal(s) answer this need'
	},
	'needs.track.notAnswered': { zh: '暂时还没有项目回应', en: 'No proposal answers it yet' },
	'needs.track.funded': { zh: '已有项目获得资助', en: 'A project has been funded' },
	'needs.track.publicPage': { zh: '查看公开页面', en: 'See its public page' },
	'needs.track.notFound': {
		zh: '找不到这个回执码。请核对后重新输入：不区分大小写，可以不带短横线。',
		en: 'No need has this receipt code. Check it and try again: capitals and dashes do not matter.'
	},
	'needs.track.lookup': { zh: '查询进度', en: 'Look it up' },
	'needs.track.codeHint': { zh: '例如 ABCD-EFGH-JKMN', en: 'For example ABCD-EFGH-JKMN' },

	'needs.admin.title': { zh: '需求审核', en: 'Moderate needs' },
	'needs.admin.intro': {
		zh: '发布后需求会出现在公开的需求清单上；不采纳时须写明理由，居民可凭回执码看到。联系方式仅供核实，不得外传。',
		en: 'Published needs appear on the public needs list; declining needs a reason, which the resident reads with their receipt code. Contacts are for checking only and must not be passed on.'
	},
	'needs.admin.status': { zh: '状态', en: 'Status' },
	'needs.admin.show': { zh: '显示', en: 'Show' },
	'needs.admin.empty': { zh: '没有此状态的需求。', en: 'No needs in this status.' },
	'needs.admin.count': { zh: '{count} 条', en: '{count} need(s)' },
	'needs.admin.select': { zh: '选中', en: 'Select' },
	'needs.admin.publish': { zh: '发布', en: 'Publish' },
	'needs.admin.publishChecked': { zh: '发布勾选的需求', en: 'Publish the ticked needs' },
	'needs.admin.decline': { zh: '不采纳', en: 'Decline' },
	'needs.admin.declineReason': { zh: '不采纳的理由（居民可见）', en: 'Reason for declining (the resident sees it)' },
	'needs.admin.contact': { zh: '联系方式（仅管理员可见）', en: 'Contact (admins only)' },
	'needs.admin.noContact': { zh: '未留联系方式', en: 'No contact given' },
	'needs.admin.receipt': { zh: '回执码', en: 'Receipt code' },
	'needs.admin.received': { zh: '提交时间', en: 'Received' },
	'needs.admin.publishedDone': { zh: '已发布 {count} 条需求。', en: 'Published {count} need(s).' },
	'needs.admin.declinedDone': { zh: '已标记为不采纳。', en: 'Marked as declined.' },
	'needs.admin.backToRound': { zh: '返回轮次设置', en: 'Back to the round' }
} satisfies Messages;

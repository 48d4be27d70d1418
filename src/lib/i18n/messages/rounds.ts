import type { Messages } from '../types';

export const rounds = {
	'home.noRound': {
		zh: '目前没有进行中的微创投轮次。',
		en: 'There is no micro-grant round open at the moment.'
	},
	'home.current': { zh: '当前轮次', en: 'Current round' },
	'home.earlier': { zh: '往期轮次', en: 'Earlier rounds' },
	'home.intro': {
		zh: '居民提出社区需求，社工站和社会组织据此申报项目，专家评审后择优资助，结果全程公开。',
		en: 'Residents report what their community needs, local organisations propose projects that answer those needs, experts score them, and the results are public.'
	},
	'round.phaseNow': { zh: '当前阶段：{phase}', en: 'Now: {phase}' },
	'round.pool': { zh: '资助总额', en: 'Pool' },
	'round.grantRange': { zh: '单个项目资助额度', en: 'Grant per project' },
	'round.schedule': { zh: '日程', en: 'Schedule' },
	'round.starts': { zh: '开始时间', en: 'Starts' },
	'round.youAreHere': { zh: '当前', en: 'now' },
	'round.whatNow': { zh: '现在可以做什么', en: 'What you can do now' },
	'round.do.needs_call': {
		zh: '居民可以反映身边的社区需求，无需注册。',
		en: 'Residents can report a community need, no account needed.'
	},
	'round.do.applications': {
		zh: '社工站、家综和社会组织可以针对已发布的需求申报项目。',
		en: 'Stations and organisations can submit proposals that answer the published needs.'
	},
	'round.do.eligibility': {
		zh: '慈善会正在对申报项目进行资格审查。',
		en: 'The charity federation is checking the proposals’ eligibility.'
	},
	'round.do.review': {
		zh: '评审专家正在按评分细则为项目打分。',
		en: 'Reviewers are scoring the proposals against the rubric.'
	},
	'round.do.decision': {
		zh: '正在根据评分和资助总额确定资助名单。',
		en: 'The funded list is being decided from the scores and the pool.'
	},
	'round.do.notice': {
		zh: '拟资助名单正在公示，如有异议可在公示期内提出。',
		en: 'The provisional list is on public notice; objections may be filed during the notice period.'
	},
	'round.do.implementation': {
		zh: '获资助项目正在社区实施。',
		en: 'Funded projects are under way in the community.'
	},
	'round.do.closed': {
		zh: '本轮已结项，结果长期公开。',
		en: 'This round is closed; its results stay public.'
	},
	'round.do.draft': { zh: '本轮尚未发布。', en: 'This round is not yet published.' },
	'round.link.report': { zh: '反映社区需求', en: 'Report a need' },
	'round.link.needs': { zh: '需求清单', en: 'Needs list' },
	'round.link.results': { zh: '资助结果', en: 'Results' },
	'round.link.track': { zh: '凭回执码查询进度', en: 'Follow a need with its receipt code' },
	'round.link.apply': { zh: '申报机构登录申报', en: 'Applicants: sign in to apply' },
	'round.trackCode': { zh: '回执码', en: 'Receipt code' },
	'round.trackGo': { zh: '查询', en: 'Look up' },
	'round.list.title': { zh: '微创投轮次', en: 'Rounds' },
	'round.list.new': { zh: '新建轮次', en: 'New round' },
	'round.new.title': { zh: '新建轮次', en: 'New round' },
	'round.edit.title': { zh: '轮次设置', en: 'Round settings' },
	'round.created': { zh: '轮次已创建，并已配置默认评分细则。', en: 'Round created with the default rubric.' },
	'round.field.slug': { zh: '网址标识', en: 'URL name' },
	'round.field.slugHint': {
		zh: '小写字母、数字和短横线，例如 2026-weichuangtou；公开网址会用到，创建后请勿随意修改。',
		en: 'Lower-case letters, digits and dashes, e.g. 2026-micro; part of public links.'
	},
	'round.field.title': { zh: '名称', en: 'Title' },
	'round.field.year': { zh: '年度', en: 'Year' },
	'round.field.pool': { zh: '资助总额（元）', en: 'Pool (yuan)' },
	'round.field.grantMin': { zh: '单项最低资助（元）', en: 'Minimum grant (yuan)' },
	'round.field.grantMax': { zh: '单项最高资助（元）', en: 'Maximum grant (yuan)' },
	'round.field.proposalsPerOrg': { zh: '每个机构最多申报数', en: 'Proposals per organisation' },
	'round.field.reviewersPerProposal': { zh: '每个项目评审专家数', en: 'Reviewers per proposal' },
	'round.field.timeZone': { zh: '时区', en: 'Time zone' },
	'round.field.scheduleHint': {
		zh: '填写每个阶段的开始时间（{tz}），各阶段须依次递后。',
		en: 'The start of each phase ({tz}); each must come after the one before.'
	},
	'round.field.start': { zh: '{phase}开始', en: '{phase} starts' },
	'round.err.slug': {
		zh: '只能使用小写字母、数字和短横线。',
		en: 'Use lower-case letters, digits and dashes only.'
	},
	'round.err.slugTaken': { zh: '该网址标识已被使用。', en: 'This URL name is already used.' },
	'round.err.timeZone': { zh: '未知的时区。', en: 'Unknown time zone.' },
	'round.err.grantRange': {
		zh: '最高资助不能低于最低资助。',
		en: 'The maximum grant must not be below the minimum.'
	},
	'round.err.poolTooSmall': {
		zh: '资助总额不能低于单项最高资助。',
		en: 'The pool must be at least the maximum grant.'
	},
	'round.err.scheduleOrder': {
		zh: '此阶段须晚于上一阶段开始。',
		en: 'This phase must start after the previous one.'
	},
	'round.phase.title': { zh: '阶段控制', en: 'Phase control' },
	'round.phase.intro': {
		zh: '阶段默认随日程自动推进。您可以提前进入某一阶段或暂停在当前阶段；每次调整都会记录理由。',
		en: 'The phase follows the schedule. You may move the round on early or hold it; every change is recorded with its reason.'
	},
	'round.phase.override': { zh: '已手动设定（未按日程）', en: 'Set by hand (not following the schedule)' },
	'round.phase.scheduled': { zh: '按日程应为：{phase}', en: 'The schedule says: {phase}' },
	'round.phase.target': { zh: '设为', en: 'Set to' },
	'round.phase.followSchedule': { zh: '恢复按日程推进', en: 'Follow the schedule' },
	'round.phase.reason': { zh: '理由', en: 'Reason' },
	'round.phase.apply': { zh: '确认调整', en: 'Apply' },
	'round.phase.done': { zh: '阶段已调整并记录。', en: 'Phase changed and recorded.' },
	'round.manage': { zh: '管理', en: 'Manage' },
	'round.manage.needs': { zh: '需求审核', en: 'Moderate needs' },
	'round.manage.rules': { zh: '申报规则', en: 'Application rules' },
	'round.manage.eligibility': { zh: '资格审查', en: 'Eligibility check' },
	'round.manage.rubric': { zh: '评分细则', en: 'Rubric' },
	'round.manage.panel': { zh: '评审专家组', en: 'Review panel' },
	'round.manage.proposals': { zh: '评审分配与评分', en: 'Assignments and scores' },
	'round.manage.progress': { zh: '评审进度', en: 'Review progress' },
	'round.manage.decision': { zh: '资助决策与公示', en: 'Funding line and notice' },
	'round.manage.objections': { zh: '异议处理', en: 'Objections' },
	'round.link.notice': { zh: '公示名单', en: 'Public notice' },
	'round.link.stats': { zh: '数据统计', en: 'Figures' },
	'round.manage.public': { zh: '查看公开页面', en: 'Public page' },
	'round.rubric': { zh: '评分细则', en: 'Rubric' },
	'round.rubric.weight': { zh: '权重', en: 'Weight' },
	'round.rubric.scale': { zh: '分值', en: 'Scale' },
	'admin.overview.title': { zh: '管理后台', en: 'Administration' },
	'admin.overview.users': { zh: '用户', en: 'Users' },
	'admin.overview.rounds': { zh: '轮次', en: 'Rounds' },
	'audit.title': { zh: '审计日志', en: 'Audit log' },
	'audit.intro': {
		zh: '所有管理操作的只增不改记录：谁、何时、对哪条记录、做了什么、理由。',
		en: 'An append-only record of every staff action: who, when, which record, what, and why.'
	},
	'audit.action': { zh: '操作', en: 'Action' },
	'audit.entity': { zh: '对象', en: 'Record' },
	'audit.actor': { zh: '操作人', en: 'By' },
	'audit.detail': { zh: '详情', en: 'Detail' },
	'audit.system': { zh: '系统', en: 'System' },
	'audit.public': { zh: '公众', en: 'Public' }
} satisfies Messages;

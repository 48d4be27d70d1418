import type { Messages } from '../types';

/** A proposal's submitted versions and what changed between them. */
export const proposalHistory = {
	'history.changesSince': { zh: '与第 {version} 版相比的改动', en: 'Changes since version {version}' },
	'history.noChanges': { zh: '内容与上一版相同。', en: 'Same content as the previous version.' },
	'history.first': { zh: '首次提交。', en: 'First submission.' },
	'history.fullText': { zh: '查看第 {version} 版全文', en: 'Version {version} in full' },
	'history.before': { zh: '原为', en: 'Was' },
	'history.after': { zh: '改为', en: 'Now' },
	'history.matchingCash': { zh: '配套资金（合作方现金）', en: 'Matching cash from partners' },
	'history.need.added': { zh: '新增回应需求：{title}', en: 'Now answers the need: {title}' },
	'history.need.removed': { zh: '不再回应需求：{title}', en: 'No longer answers the need: {title}' },
	'history.line.added': { zh: '新增预算：{line}', en: 'Budget line added: {line}' },
	'history.line.removed': { zh: '删除预算：{line}', en: 'Budget line removed: {line}' },
	'history.line.changed': { zh: '预算调整：{line}', en: 'Budget line changed: {line}' },
	'history.activity.added': { zh: '新增活动：{name}', en: 'Activity added: {name}' },
	'history.activity.removed': { zh: '删除活动：{name}', en: 'Activity removed: {name}' },
	'history.activity.changed': { zh: '活动时间调整：{name}', en: 'Activity dates changed: {name}' },
	'history.indicator.added': { zh: '新增指标：{name}', en: 'Indicator added: {name}' },
	'history.indicator.removed': { zh: '删除指标：{name}', en: 'Indicator removed: {name}' },
	'history.indicator.changed': { zh: '指标目标调整：{name}', en: 'Indicator target changed: {name}' }
} satisfies Messages;

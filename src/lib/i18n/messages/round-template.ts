import type { Messages } from '../types';

/** Starting a round from an earlier one. */
export const roundTemplate = {
	'round.template.pick': { zh: '以往届轮次为模板', en: 'Start from an earlier round' },
	'round.template.blank': { zh: '不使用模板（默认设置）', en: 'No template (default settings)' },
	'round.template.hint': {
		zh: '复制所选轮次的评分细则、申报规则、资格审查清单、评审与决策设置，日程顺延一年（按该轮时区的当地日期；2 月 29 日改为 2 月 28 日）。服务领域由全站统一维护，无需复制。',
		en: 'Copies the chosen round’s rubric, proposal rules, eligibility checklist, review and decision settings, with its schedule a year later (same local date in its time zone; 29 February becomes 28 February). Service categories are shared by every round and need no copying.'
	},
	'round.template.load': { zh: '载入模板', en: 'Load template' },
	'round.template.loaded': {
		zh: '已按「{title}」填好表单：请核对名称、网址标识和日程后创建。',
		en: 'The form is filled from “{title}”: check the title, address and schedule, then create the round.'
	},
	'round.template.gone': { zh: '所选模板轮次已不存在，请重新选择。', en: 'The template round no longer exists; choose again.' },
	'round.template.created': {
		zh: '轮次已创建，评分细则、申报规则和资格审查清单已从模板复制。',
		en: 'Round created with the template’s rubric, proposal rules and eligibility checklist.'
	}
} satisfies Messages;

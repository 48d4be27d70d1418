import type { Messages } from '../types';

/** The ranked list of the results and the notice, in pages, and its print view. */
export const ranked = {
	'ranked.pagination': { zh: '排名列表分页', en: 'Pages of the ranked list' },
	'ranked.showing': {
		zh: '第 {from}–{to} 名，共 {total} 个项目（第 {page} / {pages} 页）',
		en: 'Ranks {from}–{to} of {total} projects (page {page} of {pages})'
	},
	'ranked.showingAll': { zh: '完整名单，共 {total} 个项目', en: 'The whole list: {total} projects' },
	'ranked.all': { zh: '完整名单（打印版）', en: 'The whole list (print view)' },
	'ranked.paged': { zh: '分页查看', en: 'View in pages' },
	'ranked.goTo': { zh: '第 {page} 页', en: 'Page {page}' },
	'notice.objection.shown': {
		zh: '可选项目为上方列表本页所列的项目；对其他项目提出异议，请先翻到该项目所在的页。',
		en: 'The choice lists the projects on this page of the list above; to object to another project, go to its page first.'
	}
} satisfies Messages;

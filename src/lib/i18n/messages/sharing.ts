import type { Messages } from '../types';

/** Printed pages and pages shared in chat apps: where a copy came from, what a link preview says. */
export const sharing = {
	'print.federation': { zh: '广州市慈善会', en: 'Guangzhou Charity Federation' },
	'print.url': { zh: '网上查看：', en: 'Online: ' },
	'print.printedAt': { zh: '打印时间：{at}', en: 'Printed {at}' },
	'print.qr': { zh: '本页网址的二维码', en: 'QR code of this page’s address' },
	'share.imageAlt': { zh: '社区公益微创投：由社区来，到社区去', en: 'Community micro-grants: from the community, for the community' },
	'share.round': {
		zh: '{round}：资助总额 {pool}，现处于“{phase}”阶段。居民反映社区需求，社会组织据此申报项目，评审与结果全程公开。',
		en: '{round}: a pool of {pool}, now in “{phase}”. Residents report needs, local organisations propose projects, and the review and results are public.'
	},
	'share.project': { zh: '{organisation} · 资助 {award}。{summary}', en: '{organisation} · awarded {award}. {summary}' },
	'share.results': {
		zh: '{round} 资助结果：{count} 个社区项目获资助，共 {awarded}。每个项目为何获资助或未获资助，均可查看。',
		en: '{round} results: {count} community projects funded, {awarded} in all, with the reason for every decision.'
	}
} satisfies Messages;

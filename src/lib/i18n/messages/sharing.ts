import type { Messages } from '../types';

/** Printed pages and pages shared in chat apps: where a copy came from, what a link preview says. */
export const sharing = {
	'print.federation': { zh: '广州市慈善会', en: 'Guangzhou Charity Federation' },
	'print.url': { zh: '网上查看：', en: 'Online: ' },
	'print.printedAt': { zh: '打印时间：{at}', en: 'Printed {at}' },
	'print.qr': { zh: '本页网址的二维码', en: 'QR code of this page’s address' }
} satisfies Messages;

import type { Messages } from '../types';

export const admin = {
	'admin.nav.overview': { zh: '概览', en: 'Overview' },
	'admin.nav.rounds': { zh: '轮次', en: 'Rounds' },
	'admin.nav.proposals': { zh: '全部申报', en: 'All proposals' },
	'admin.nav.organisations': { zh: '申报机构', en: 'Organisations' },
	'admin.nav.reviewers': { zh: '评审专家库', en: 'Reviewers' },
	'admin.nav.places': { zh: '地点', en: 'Places' },
	'admin.nav.categories': { zh: '服务领域', en: 'Service categories' },
	'admin.nav.users': { zh: '用户与邀请', en: 'Users & invitations' },
	'admin.nav.audit': { zh: '审计日志', en: 'Audit log' }
} satisfies Messages;

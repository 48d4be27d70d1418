import type { Messages } from '../types';

/** Each community fund runs its own rounds: fund admins, rounds' funds, finding one's street's round. */
export const fundAdmins = {
	'role.fund_admin': { zh: '基金管理员', en: 'Fund admin' },
	'fundAdmin.err.ownProposal': {
		zh: '这是本基金运营机构自己的申报，须由慈善会管理员审核和决定。',
		en: 'This proposal is from the organisation that runs your fund: a federation admin checks and decides it.'
	},
	'fundAdmin.err.ownLine': {
		zh: '本基金运营机构在本轮有申报，资助线须由慈善会管理员划定、公示和确认。',
		en: 'The organisation that runs your fund has applied in this round: a federation admin draws, publishes and confirms its funding line.'
	},
	'fundAdmin.ownNote': {
		zh: '本基金运营机构的申报由慈善会管理员审核。',
		en: 'Proposals from the organisation that runs your fund are checked by a federation admin.'
	},
	'fundAdmin.fund': { zh: '所属基金', en: 'Fund' },
	'fundAdmin.fundHint': {
		zh: '基金管理员只能管理所属基金的轮次；运营机构的申报由慈善会管理员审核。',
		en: 'A fund admin runs only the rounds of this fund; proposals from its operating organisation are checked by a federation admin.'
	},
	'fundAdmin.err.fundRequired': { zh: '请选择基金管理员所属的基金。', en: 'Choose the fund this admin runs.' },
	'fundAdmin.operator': { zh: '运营机构（可选）', en: 'Operating organisation (optional)' },
	'round.fund': { zh: '主办基金', en: 'Run by' },
	'round.fund.federation': { zh: '慈善会（全市）', en: 'The federation (city-wide)' },
	'round.fund.hint': {
		zh: '主办基金的管理员负责本轮；选“慈善会（全市）”则由慈善会管理员负责。资金池仍来自各基金的拨款。',
		en: 'The fund’s admins run this round; “The federation (city-wide)” leaves it to the federation’s admins. The pool still comes from the funds’ allocations.'
	},
	'home.open.title': { zh: '正在进行的轮次', en: 'Rounds open now' },
	'home.open.none': { zh: '目前没有正在进行的轮次。', en: 'No round is open now.' },
	'home.find.title': { zh: '找到我所在街道的基金', en: 'Find your street’s fund' },
	'home.find.hint': {
		zh: '选择区和街道，查看本街道社区慈善基金举办的轮次，以及全市轮次。',
		en: 'Pick your district and street to see the rounds of your street’s community fund, and the city-wide rounds.'
	},
	'home.find.district': { zh: '区', en: 'District' },
	'home.find.street': { zh: '街道 / 镇', en: 'Street / town' },
	'home.find.any': { zh: '请选择', en: 'Choose' },
	'home.find.submit': { zh: '查找', en: 'Find' },
	'home.find.pickStreet': { zh: '请选择这个区的街道后再查找。', en: 'Now pick a street of this district.' },
	'home.find.noFund': {
		zh: '这个街道还没有登记社区慈善基金，可以参加全市轮次。',
		en: 'This street has no community fund registered yet: the city-wide rounds are open to it.'
	},
	'home.find.fundRounds': { zh: '{fund} 的轮次', en: 'Rounds of {fund}' },
	'home.find.cityRounds': { zh: '全市轮次', en: 'City-wide rounds' },
	'funds.rounds.title': { zh: '本基金举办的轮次', en: 'Rounds this fund runs' },
	'funds.rounds.none': { zh: '本基金还没有举办轮次。', en: 'This fund runs no round yet.' }
} satisfies Messages;

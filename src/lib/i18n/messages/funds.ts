import type { Messages } from '../types';

/** Community charity funds (社区慈善基金): the register, incomes, allocations, disclosure. */
export const funds = {
	'grants.ledger.income': { zh: '收入', en: 'Income' },
	'grants.ledger.allocation': { zh: '拨入资金池', en: 'Allocation' },

	'funds.kind.street': { zh: '社区慈善基金', en: 'Community charity fund' },
	'funds.kind.federation': { zh: '慈善会基金', en: 'Federation fund' },
	'funds.kind.government': { zh: '政府购买服务资金', en: 'Government purchase of services' },
	'funds.kind.sponsor': { zh: '企业冠名 / 赞助', en: 'Corporate sponsor' },
	'funds.source.resident': { zh: '个人捐赠', en: 'Individual donations' },
	'funds.source.business': { zh: '企业捐赠', en: 'Business donations' },
	'funds.source.campaign': { zh: '联合劝募', en: 'Joint campaigns' },
	'funds.source.government': { zh: '政府资金', en: 'Government money' },
	'funds.source.federation': { zh: '慈善会配置', en: 'From the federation' },
	'funds.source.other': { zh: '其他收入', en: 'Other income' },
	'funds.source.opening': { zh: '期初结余', en: 'Opening balance' },
	'funds.anonymous': { zh: '匿名', en: 'Anonymous' },
	'funds.account.outside': { zh: '外部', en: 'Outside' },

	'funds.nav': { zh: '慈善基金', en: 'Charity funds' },
	'funds.title': { zh: '社区慈善基金', en: 'Community charity funds' },
	'funds.intro': {
		zh: '“由社区来，到社区去”：每一笔捐赠和拨款都记入账本，只增不改。这里公开每个基金的收入、拨出、余额和资助的项目。',
		en: '“From the community, back to the community”: every donation and allocation is in the ledger, which is never changed. Each fund’s income, outflows, balance and the projects it paid for are public here.'
	},
	'funds.none': { zh: '还没有登记基金。', en: 'No funds are registered yet.' },
	'funds.col.name': { zh: '基金', en: 'Fund' },
	'funds.col.kind': { zh: '类型', en: 'Kind' },
	'funds.col.street': { zh: '所在街道', en: 'Street' },
	'funds.col.balance': { zh: '余额', en: 'Balance' },
	'funds.col.income': { zh: '累计收入', en: 'Income to date' },
	'funds.col.allocated': { zh: '累计拨出', en: 'Allocated to date' },
	'funds.col.date': { zh: '日期', en: 'Date' },
	'funds.col.source': { zh: '来源', en: 'Source' },
	'funds.col.donor': { zh: '捐赠方', en: 'Donor' },
	'funds.col.campaign': { zh: '募捐活动', en: 'Campaign' },
	'funds.col.amount': { zh: '金额', en: 'Amount' },
	'funds.col.month': { zh: '月份', en: 'Month' },
	'funds.col.round': { zh: '轮次', en: 'Round' },
	'funds.col.project': { zh: '项目', en: 'Project' },
	'funds.col.organisation': { zh: '申报主体', en: 'Applicant' },
	'funds.col.share': { zh: '本基金承担', en: 'This fund’s share' },
	'funds.col.kindOfEntry': { zh: '类别', en: 'Kind' },
	'funds.col.from': { zh: '从', en: 'From' },
	'funds.col.to': { zh: '到', en: 'To' },
	'funds.col.note': { zh: '说明', en: 'Note' },
	'funds.col.reference': { zh: '凭证号', en: 'Reference' },
	'funds.host': { zh: '托管机构：{host}', en: 'Hosted by {host}' },
	'funds.page.title': { zh: '{name}', en: '{name}' },
	'funds.page.balance': { zh: '当前余额', en: 'Balance now' },
	'funds.page.income': { zh: '累计收入', en: 'Income to date' },
	'funds.page.outflow': { zh: '累计拨入轮次', en: 'Allocated to rounds' },
	'funds.page.byType': { zh: '收入来源', en: 'Income by source' },
	'funds.page.byMonth': { zh: '按月收入', en: 'Income by month' },
	'funds.page.incomes': { zh: '收入明细', en: 'Incomes' },
	'funds.page.outflows': { zh: '拨出到轮次', en: 'Allocated to rounds' },
	'funds.page.projects': { zh: '资助的项目', en: 'Projects it paid for' },
	'funds.page.projectsNote': {
		zh: '一个轮次的资金池可来自多个基金：本基金承担的金额按它占该轮拨款的比例计算。',
		en: 'A round’s pool may come from several funds: this fund’s share is its part of the round’s allocations.'
	},
	'funds.page.noProjects': { zh: '本基金拨款的轮次还没有签约的项目。', en: 'The rounds this fund allocated to have no signed projects yet.' },
	'funds.page.noIncomes': { zh: '还没有收入记录。', en: 'No income recorded yet.' },
	'funds.page.noOutflows': { zh: '还没有拨款。', en: 'Nothing allocated yet.' },
	'funds.page.reversed': { zh: '已冲正', en: 'Reversed' },
	'funds.page.reversal': { zh: '冲正：{reason}', en: 'Reversal: {reason}' },
	'funds.page.disclosure': { zh: '信息公开报告（可打印）', en: 'Disclosure report (printable)' },
	'funds.page.csv': { zh: '下载账目 CSV', en: 'Download the entries (CSV)' },
	'funds.page.rounds': { zh: '本基金拨款的轮次', en: 'Rounds this fund allocated to' },
	'funds.report.title': { zh: '{name} 信息公开报告', en: '{name}: disclosure report' },
	'funds.report.asOf': { zh: '截至 {date}', en: 'As of {date}' },
	'funds.report.lead': {
		zh: '依据《中华人民共和国慈善法》的信息公开要求，公开本基金的收入、支出、余额和资助项目。未同意公开姓名的捐赠人显示为“匿名”。',
		en: 'Under the Charity Law’s disclosure duties: this fund’s income, outflows, balance and the projects it paid for. Donors who did not consent to be named are shown as “Anonymous”.'
	},
	'funds.report.balanceCheck': { zh: '收入 {income} − 拨出 {out} = 余额 {balance}', en: 'Income {income} − allocated {out} = balance {balance}' },

	'funds.round.draft': { zh: '筹备中的轮次', en: 'A round in preparation' },
	'funds.round.ledger': { zh: '资金账目', en: 'Money ledger' },
	'funds.round.ledgerJson': { zh: '账目 JSON', en: 'Ledger (JSON)' },
	'funds.round.ledgerCsv': { zh: '账目 CSV', en: 'Ledger (CSV)' },
	'funds.round.allocatedFrom': { zh: '资金来源', en: 'Where the pool came from' },

	'funds.admin.title': { zh: '基金管理', en: 'Funds' },
	'funds.admin.intro': {
		zh: '登记社区慈善基金、慈善会基金、政府购买服务资金和企业赞助；记录每笔收入，并把资金拨入轮次的资金池。账目只增不改，记错了用冲正更正。',
		en: 'Register community charity funds, the federation’s funds, government purchase-of-service money and sponsors; record each income and allocate money to rounds’ pools. Entries are never changed: a mistake is corrected by a reversing entry.'
	},
	'funds.admin.add': { zh: '新增基金', en: 'Add a fund' },
	'funds.admin.edit': { zh: '基金信息', en: 'The fund' },
	'funds.admin.save': { zh: '保存', en: 'Save' },
	'funds.admin.saved': { zh: '已保存。', en: 'Saved.' },
	'funds.admin.done': { zh: '已记入账本。', en: 'Recorded in the ledger.' },
	'funds.admin.imported': { zh: '已导入 {count} 笔收入，合计 {total}。', en: 'Imported {count} incomes, {total} in all.' },
	'funds.admin.publicPage': { zh: '公开页面', en: 'Public page' },
	'funds.field.name': { zh: '基金名称', en: 'Name' },
	'funds.field.kind': { zh: '类型', en: 'Kind' },
	'funds.field.street': { zh: '街道 / 镇（社区慈善基金必填）', en: 'Street / town (for a community charity fund)' },
	'funds.field.streetNone': { zh: '（无）', en: '(none)' },
	'funds.field.host': { zh: '托管机构', en: 'Host' },
	'funds.field.description': { zh: '简介', en: 'About' },
	'funds.income.title': { zh: '记录收入', en: 'Record an income' },
	'funds.income.amount': { zh: '金额（元）', en: 'Amount (yuan)' },
	'funds.income.receivedOn': { zh: '到账日期', en: 'Received on' },
	'funds.income.source': { zh: '来源类型', en: 'Source type' },
	'funds.income.donor': { zh: '捐赠方名称', en: 'Donor’s name' },
	'funds.income.consent': { zh: '捐赠方同意公开姓名', en: 'The donor agreed to be named in public' },
	'funds.income.consentHint': { zh: '未勾选时，公开页面、JSON 和 CSV 中只显示“匿名”。', en: 'Unticked, the public pages, JSON and CSV say “Anonymous”.' },
	'funds.income.campaign': { zh: '募捐活动（如广益联募）', en: 'Campaign (e.g. a 广益联募 campaign)' },
	'funds.income.reference': { zh: '凭证号 / 银行流水号', en: 'Voucher or bank reference' },
	'funds.income.submit': { zh: '记入账本', en: 'Record' },
	'funds.allocate.title': { zh: '拨入轮次资金池', en: 'Allocate to a round’s pool' },
	'funds.allocate.round': { zh: '轮次', en: 'Round' },
	'funds.allocate.amount': { zh: '金额（元）', en: 'Amount (yuan)' },
	'funds.allocate.on': { zh: '拨款日期', en: 'Allocated on' },
	'funds.allocate.reason': { zh: '说明', en: 'Note' },
	'funds.allocate.submit': { zh: '拨款', en: 'Allocate' },
	'funds.allocate.noRounds': { zh: '没有可拨款的轮次。', en: 'No round to allocate to.' },
	'funds.reverse.title': { zh: '冲正', en: 'Reverse' },
	'funds.reverse.reason': { zh: '冲正原因', en: 'Why it is reversed' },
	'funds.reverse.submit': { zh: '冲正这笔账', en: 'Reverse this entry' },
	'funds.entries.title': { zh: '账目', en: 'Entries' },
	'funds.import.title': { zh: '导入收入', en: 'Import incomes' },
	'funds.import.intro': {
		zh: '从银行流水或募捐平台导出的 CSV（UTF-8 或 GB18030）或 XLSX 文件导入：表头为 日期、金额、来源类型、捐赠方、同意公开、募捐活动、流水号。整份文件要么全部导入，要么一笔也不导入；同一流水号不会重复导入。',
		en: 'From a bank statement or a campaign platform’s export, CSV (UTF-8 or GB18030) or XLSX, with the header date, amount, source type, donor, consent, campaign, reference. The whole file is imported or none of it; a reference already imported is refused.'
	},
	'funds.import.file': { zh: '文件', en: 'File' },
	'funds.import.submit': { zh: '导入', en: 'Import' },
	'funds.import.template': { zh: '下载模板', en: 'Download the template' },
	'funds.import.lineError': { zh: '第 {line} 行：{error}', en: 'Line {line}: {error}' },
	'funds.round.fund': { zh: '资金来源基金', en: 'Fund the pool comes from' },
	'funds.round.fundNone': { zh: '（暂不拨款，资助总额须为 0）', en: '(none yet: the pool must be 0)' },
	'funds.round.fundHint': {
		zh: '资助总额从所选基金拨入本轮资金池；之后可在基金页面追加拨款。',
		en: 'The pool is allocated from the chosen fund; more can be allocated later on the fund’s page.'
	},
	'funds.round.poolHint': {
		zh: '资助总额等于各基金拨入本轮的金额；要增加，请在基金管理中拨款。',
		en: 'The pool is what funds allocated to this round; to raise it, allocate from a fund.'
	},

	'funds.err.street': { zh: '请选择社区慈善基金所在的街道。', en: 'Choose the street of the community charity fund.' },
	'funds.err.nameTaken': { zh: '已有同名基金。', en: 'A fund of that name exists.' },
	'funds.err.fundShort': { zh: '基金余额 {balance} 不足，还差 {shortfall}。', en: 'The fund holds {balance}: {shortfall} short.' },
	'funds.err.reverseIncome': {
		zh: '这笔收入已部分拨出：冲正会使基金余额低于零（余额 {balance}，差 {shortfall}）。请先冲正相应的拨款。',
		en: 'This income was partly allocated: reversing it would take the fund below zero (it holds {balance}, {shortfall} short). Reverse the allocation first.'
	},
	'funds.err.reverseAllocation': {
		zh: '冲正后本轮拨款将低于已承诺或已划线资助的 {floor}。',
		en: 'The round’s allocations would fall below the {floor} it has committed or awarded.'
	},
	'funds.err.overAllocated': {
		zh: '本轮资金池已拨入 {allocated}，承诺这笔资助还差 {shortfall}：请先从基金拨款。',
		en: 'The round’s pool holds {allocated} allocated: committing this award is {shortfall} short. Allocate from a fund first.'
	},
	'funds.err.poolShortfall': {
		zh: '各基金只拨入本轮 {allocated}，按这个资助总额还差 {shortfall}：请先在基金管理中拨款。',
		en: 'Funds allocated {allocated} to this round: this pool is {shortfall} short. Allocate from a fund first.'
	},
	'funds.err.poolBelowAllocated': {
		zh: '资助总额是各基金已拨入的 {allocated}：要减少，请在基金页面冲正一笔拨款。',
		en: 'The pool is the {allocated} funds allocated: to lower it, reverse an allocation on the fund’s page.'
	},
	'funds.err.poolNeedsFund': {
		zh: '资助总额须从基金拨入：请选择一个余额足够的基金（差 {shortfall}）。',
		en: 'The pool must come from a fund: choose one that holds enough ({shortfall} short).'
	},
	'funds.err.duplicate': { zh: '流水号 {reference} 已导入过。', en: 'Reference {reference} was imported already.' },
	'funds.err.duplicateInFile': { zh: '流水号 {reference} 在文件中重复。', en: 'Reference {reference} appears twice in the file.' },
	'funds.err.header': { zh: '表头缺少：{columns}。', en: 'The header lacks: {columns}.' },
	'funds.err.empty': { zh: '文件中没有收入。', en: 'The file holds no income.' },
	'funds.err.tooMany': { zh: '一次最多导入 {max} 行。', en: 'At most {max} lines at a time.' },
	'funds.err.source': { zh: '来源类型不认识：{value}', en: 'Unknown source type: {value}' },
	'funds.err.consent': { zh: '“同意公开”须为 是/否', en: '“Consent” must be yes or no' },
	'funds.err.lines': { zh: '文件有 {count} 行出错，一笔也没有导入。', en: '{count} lines are wrong: nothing was imported.' }
} satisfies Messages;

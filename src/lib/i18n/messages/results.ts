import type { Messages } from '../types';
import { TRIMMED_MEAN_NAME as TM } from '../../domain/scoring';

export const results = {
	'results.title': { zh: '{round} · 资助结果', en: '{round} · results' },
	'results.notPublished': {
		zh: '本轮资助结果尚未发布。评审和决策完成后，资助名单会在这里公开。',
		en: 'The results of this round are not published yet. The funded list will appear here once review and decision are done.'
	},
	'results.publishedAt': { zh: '发布时间：{at}', en: 'Published {at}' },
	'results.backToRound': { zh: '返回轮次页面', en: 'Back to the round' },
	'results.none': { zh: '本轮没有获资助的项目。', en: 'No project was funded in this round.' },
	'results.col.title': { zh: '项目名称', en: 'Project' },
	'results.col.organisation': { zh: '申报主体', en: 'Organisation' },
	'results.col.district': { zh: '所在区', en: 'District' },
	'results.col.award': { zh: '资助金额', en: 'Award' },
	'results.col.score': { zh: '评审得分', en: 'Score' },
	'results.scoreRule': {
		zh: `评审得分为${TM.zh}：专家加权总分（0–100）的平均分，5 份及以上评审时先去掉一个最高分和一个最低分。`,
		en: `The score is the ${TM.en}: the average of the reviewers’ weighted totals (0–100), with five or more reviews after dropping the highest and the lowest.`
	},
	'results.totals': { zh: '合计', en: 'Totals' },
	'results.count': { zh: '获资助项目', en: 'Funded projects' },
	'results.awarded': { zh: '资助金额合计', en: 'Total awarded' },
	'results.pool': { zh: '资助总额', en: 'Pool' },
	'results.noScore': { zh: '—', en: '—' },

	'results.project.organisation': { zh: '申报主体', en: 'Organisation' },
	'results.project.district': { zh: '所在区', en: 'District' },
	'results.project.round': { zh: '所属轮次', en: 'Round' },
	'results.project.award': { zh: '资助金额', en: 'Award' },
	'results.project.requested': { zh: '申请金额', en: 'Requested' },
	'results.project.score': { zh: '评审得分', en: 'Score' },
	'results.project.reviews': { zh: '{count} 份评审', en: '{count} reviews' },
	'results.project.summary': { zh: '项目简介', en: 'Summary' },
	'results.project.needs': { zh: '回应的社区需求', en: 'Community needs it answers' },
	'results.project.allResults': { zh: '查看本轮全部资助结果', en: 'All results of this round' },
	'results.err.noticePublished': {
		zh: '公示已发布，资助线不能再直接修改；如需改变，请通过异议处理。',
		en: 'The notice is published: the funding line can no longer be changed directly, only through an upheld objection.'
	},
	'results.err.lineNotDrawn': { zh: '请先划定资助线。', en: 'Draw the funding line first.' },
	'results.err.reduceBelowRequest': {
		zh: '核减后的金额须低于申请金额 {requested}。',
		en: 'A reduced award must be below the {requested} requested.'
	},
	'results.err.noticeNotPublished': { zh: '公示尚未发布。', en: 'The notice is not published yet.' },
	'results.err.noticeRunning': {
		zh: '公示期尚未结束，结束后才能确认最终名单。',
		en: 'The notice period has not ended; the final list can be confirmed after it.'
	},
	'results.err.openObjections': {
		zh: '还有 {count} 条异议未答复，请先逐条答复。',
		en: '{count} objections are still unanswered: answer each one first.'
	},
	'results.err.noticeClosed': {
		zh: '公示期已结束，不再受理异议。',
		en: 'The notice period has ended; objections are no longer accepted.'
	},
	'results.err.confirmed': { zh: '最终名单已确认。', en: 'The final list is already confirmed.' },
	'results.err.noObjection': { zh: '找不到这条异议。', en: 'Objection not found.' },
	'results.err.answered': { zh: '这条异议已答复。', en: 'This objection has already been answered.' },
	'results.err.reasonShort': {
		zh: '请具体说明异议理由（至少 10 个字）。',
		en: 'Please give a specific reason (at least 10 characters).'
	},
	'results.err.capFormat': {
		zh: '每行写“区名,金额（元）”，例如：越秀区,100000',
		en: 'One per line: "district,amount in yuan", e.g. 越秀区,100000'
	},

	'results.reason.funded': { zh: '按排名获资助', en: 'Funded in rank order' },
	'results.reason.override_fund': { zh: '调整顺序后资助', en: 'Funded by an override' },
	'results.reason.below_line': { zh: '低于资助线（最低分）', en: 'Below the line (minimum score)' },
	'results.reason.pool_exhausted': { zh: '资金池余额不足', en: 'Pool exhausted' },
	'results.reason.district_cap': { zh: '超出所在区资助上限', en: 'District cap reached' },
	'results.reason.ineligible': { zh: '未通过资格审查', en: 'Not eligible' },
	'results.reason.override_exclude': { zh: '调整后不予资助', en: 'Not funded by an override' },
	'results.reason.no_score': { zh: '无有效评分', en: 'No score' },

	'results.col.rank': { zh: '排名', en: 'Rank' },
	'results.col.place': { zh: '所在地', en: 'Place' },
	'results.col.category': { zh: '服务类别', en: 'Category' },
	'results.col.reason': { zh: '结果说明', en: 'Outcome' },
	'results.col.requested': { zh: '申请金额', en: 'Requested' },
	'results.others': { zh: '未获资助的项目及原因', en: 'Proposals not funded, and why' },
	'results.filter.district': { zh: '所在区', en: 'District' },
	'results.filter.category': { zh: '服务类别', en: 'Category' },
	'results.filter.all': { zh: '全部', en: 'All' },
	'results.filter.apply': { zh: '筛选', en: 'Filter' },
	'results.filter.none': { zh: '没有符合条件的项目。', en: 'No project matches.' },
	'results.provisional': {
		zh: '本轮资助名单正在公示，公示结束并确认后在这里发布最终结果。',
		en: 'The provisional list is on public notice; the final results appear here once it ends and is confirmed.'
	},
	'results.seeNotice': { zh: '查看公示', en: 'See the public notice' },
	'results.openData': { zh: '公开数据下载', en: 'Open data' },
	'results.openData.csv': { zh: '结果表（CSV，可用 Excel 打开）', en: 'Results (CSV, opens in Excel)' },
	'results.openData.json': { zh: '结果（JSON）', en: 'Results (JSON)' },
	'results.openData.record': {
		zh: '决策记录（JSON：匿名评分与规则，可据此复核资助名单）',
		en: 'Decision record (JSON: anonymised scores and rules, to recompute the list)'
	},
	'results.statsLink': { zh: '统计与图表', en: 'Figures and charts' },

	'results.project.place': { zh: '所在地', en: 'Place' },
	'results.project.category': { zh: '服务类别', en: 'Category' },
	'results.project.rank': { zh: '排名', en: 'Rank' },
	'results.project.status': { zh: '状态', en: 'Status' },
	'results.project.statusFinal': { zh: '已立项', en: 'Funded (final)' },
	'results.project.reason': { zh: '说明', en: 'Note' },
	'results.project.targetGroup': { zh: '服务对象', en: 'Who it serves' },
	'results.project.beneficiaries': { zh: '预计受益人次', en: 'Expected beneficiary visits' },
	'results.project.budget': { zh: '预算', en: 'Budget' },
	'results.project.budgetTotal': { zh: '预算合计', en: 'Budget total' },
	'results.project.noBudget': { zh: '暂无预算明细。', en: 'No budget lines.' },
	'results.project.matching': { zh: '配套资源', en: 'Matching funds' },
	'results.project.matchingCash': { zh: '配套资金', en: 'Matching cash' },
	'results.project.volunteerHours': { zh: '志愿服务时数（时间银行）', en: 'Volunteer hours (time bank)' },
	'results.project.volunteerValue': { zh: '志愿服务折算', en: 'Volunteer hours valued at' },
	'results.project.matchingTotal': { zh: '配套合计', en: 'Matching total' },
	'results.project.indicators': { zh: '成效指标', en: 'Indicators' },
	'results.project.hours': { zh: '{hours} 小时', en: '{hours} hours' },

	'notice.title': { zh: '{round} · 资助名单公示', en: '{round} · public notice of the funding list' },
	'notice.notPublished': { zh: '本轮资助名单尚未公示。', en: 'The funding list of this round is not on notice yet.' },
	'notice.intro': {
		zh: '以下为拟资助项目名单，现予公示，公示期为 {days} 个工作日（{from} 至 {to}）。如有异议，请在公示期内通过本页提交，须写明具体理由；您的姓名和联系方式仅供工作人员核实，不会公开。',
		en: 'The projects below are proposed for funding and are on public notice for {days} working days ({from} to {to}). Objections may be filed on this page during the notice, with a specific reason; your name and contact are seen only by staff and never published.'
	},
	'notice.final': {
		zh: '公示期已结束，最终名单已于 {at} 确认。',
		en: 'The notice has ended; the final list was confirmed on {at}.'
	},
	'notice.ended': {
		zh: '公示期已于 {at} 结束，正在处理异议并确认最终名单。',
		en: 'The notice ended on {at}; objections are being answered and the final list confirmed.'
	},
	'notice.funded': { zh: '拟资助项目', en: 'Projects proposed for funding' },
	'notice.totals': {
		zh: '拟资助 {count} 个项目，合计 {awarded}；资助总额 {pool}，结余 {left}。',
		en: '{count} projects, {awarded} in total, from a pool of {pool} ({left} left).'
	},
	'notice.print': { zh: '打印公示（A4）', en: 'Print the notice (A4)' },
	'notice.issuer': { zh: '公示单位：{round} 组委会', en: 'Issued by the {round} committee' },
	'notice.objection.title': { zh: '提出异议', en: 'File an objection' },
	'notice.objection.project': { zh: '异议针对的项目', en: 'Project the objection is about' },
	'notice.objection.choose': { zh: '请选择项目', en: 'Choose a project' },
	'notice.objection.reason': { zh: '具体理由', en: 'Specific reason' },
	'notice.objection.reasonHint': {
		zh: '请写明事实和依据，例如重复申报、信息不实等（至少 10 个字）。',
		en: 'State the facts and grounds, e.g. a duplicate application or untrue information (at least 10 characters).'
	},
	'notice.objection.name': { zh: '您的姓名', en: 'Your name' },
	'notice.objection.contact': { zh: '联系方式（电话或邮箱）', en: 'Contact (phone or e-mail)' },
	'notice.objection.privacy': {
		zh: '姓名和联系方式仅供工作人员核实，不会公开。',
		en: 'Your name and contact are seen only by staff and never published.'
	},
	'notice.objection.submit': { zh: '提交异议', en: 'File the objection' },
	'notice.objection.filed': {
		zh: '异议已收到。工作人员核实后会在本页公开答复。',
		en: 'Objection received. Staff will check it and answer publicly on this page.'
	},
	'notice.objection.closed': { zh: '公示期外不受理异议。', en: 'Objections are accepted only during the notice.' },
	'notice.answers': { zh: '异议处理情况', en: 'Objections and answers' },
	'notice.answers.open': { zh: '另有 {count} 条异议正在核实。', en: '{count} more objections are being checked.' },
	'notice.answers.none': { zh: '暂无已答复的异议。', en: 'No objection answered yet.' },
	'objection.status.open': { zh: '待处理', en: 'Open' },
	'objection.status.upheld': { zh: '异议成立', en: 'Upheld' },
	'objection.status.dismissed': { zh: '异议不成立', en: 'Dismissed' },
	'objection.effect.exclude': { zh: '该项目已移出资助名单', en: 'The project was taken off the list' },
	'objection.effect.none': { zh: '名单不变', en: 'The list is unchanged' },

	'stats.title': { zh: '{round} · 统计', en: '{round} · figures' },
	'stats.needs': { zh: '已公开需求', en: 'Published needs' },
	'stats.proposals': { zh: '参与排名的申报', en: 'Proposals in the ranking' },
	'stats.funded': { zh: '获资助项目', en: 'Funded projects' },
	'stats.successRate': { zh: '资助率', en: 'Success rate' },
	'stats.awarded': { zh: '资助金额', en: 'Awarded' },
	'stats.matchingCash': { zh: '配套资金', en: 'Matching cash' },
	'stats.volunteerHours': { zh: '志愿服务时数', en: 'Volunteer hours' },
	'stats.volunteerValue': { zh: '志愿服务折算', en: 'Volunteer hours valued' },
	'stats.leverage': { zh: '撬动比（配套 + 志愿折算）÷ 资助', en: 'Leverage ((matching + in-kind) ÷ grants)' },
	'stats.notDecided': {
		zh: '申报与资助数据在名单公示后显示。',
		en: 'Proposal and funding figures appear once the list is on notice.'
	},
	'stats.byCategory': { zh: '按服务类别', en: 'By category' },
	'stats.byDistrict': { zh: '按区', en: 'By district' },
	'stats.chart.needs': { zh: '需求数', en: 'Needs' },
	'stats.chart.award': { zh: '资助金额（元）', en: 'Awarded (yuan)' },
	'stats.col.key': { zh: '类别/区', en: 'Category / district' },
	'stats.col.needs': { zh: '需求', en: 'Needs' },
	'stats.col.proposals': { zh: '申报', en: 'Proposals' },
	'stats.col.funded': { zh: '获资助', en: 'Funded' },
	'stats.col.award': { zh: '资助金额', en: 'Awarded' },
	'stats.categoryNote': {
		zh: '项目的类别取自其回应的需求；回应多个类别需求的项目在每个类别各计一次。',
		en: 'A project’s category is that of the needs it answers; one answering several categories counts once in each.'
	},

	'decision.title': { zh: '评审决策：资助线', en: 'Decision: the funding line' },
	'decision.back': { zh: '返回轮次', en: 'Back to the round' },
	'decision.phase': { zh: '当前阶段：{phase}', en: 'Phase: {phase}' },
	'decision.done': { zh: '已保存，资助线已重新划定。', en: 'Saved; the funding line was drawn again.' },
	'decision.pool': { zh: '资助总额', en: 'Pool' },
	'decision.awarded': { zh: '已分配', en: 'Awarded' },
	'decision.left': { zh: '结余', en: 'Left' },
	'decision.fundedCount': { zh: '资助项目数', en: 'Funded projects' },
	'decision.notDrawn': {
		zh: '下表为按当前规则预览的资助线，尚未保存。点击“划定资助线”保存。',
		en: 'This is a preview of the line under the current rules, not yet saved. Press "Draw the funding line" to save it.'
	},
	'decision.draw': { zh: '划定资助线', en: 'Draw the funding line' },
	'decision.redraw': { zh: '按当前评分重新划定', en: 'Draw again from the current scores' },
	'decision.drawnAt': { zh: '资助线划定于 {at}', en: 'Line drawn {at}' },
	'decision.settings': { zh: '资助规则', en: 'Funding rules' },
	'decision.tieRule': { zh: '同分排序规则', en: 'Tie rule' },
	'decision.tie.lower_request': { zh: '拟资助金额较少者优先（有核减的按核减后金额），再按编号', en: 'Smaller award first (the reduced award where one is set), then by number' },
	'decision.tie.earlier_submission': { zh: '提交时间较早者优先，再按编号', en: 'Earlier submission first, then by number' },
	'decision.minScore': { zh: '最低分（低于此分不资助）', en: 'Minimum score (below it is not funded)' },
	'decision.caps': { zh: '各区资助上限（每行“区名,金额（元）”）', en: 'District caps (one per line "district,yuan")' },
	'decision.noticeDays': { zh: '公示期（工作日）', en: 'Notice period (working days)' },
	'decision.saveSettings': { zh: '保存规则并重新划线', en: 'Save the rules and redraw' },
	'decision.col.amount': { zh: '拟资助金额', en: 'Award' },
	'decision.col.score': { zh: '得分', en: 'Score' },
	'decision.manage': { zh: '调整：{title}', en: 'Adjust: {title}' },
	'decision.reduce': { zh: '核减金额', en: 'Reduce the award' },
	'decision.reduceField': { zh: '核定金额（元）', en: 'Award (yuan)' },
	'decision.reduceReason': { zh: '核减理由（将公开）', en: 'Reason (published)' },
	'decision.reduceClear': { zh: '恢复按申请金额', en: 'Back to the full request' },
	'decision.override': { zh: '调整顺序', en: 'Override the order' },
	'decision.overrideKind': { zh: '调整方式', en: 'Override' },
	'decision.override.fund': { zh: '优先资助', en: 'Fund ahead of rank' },
	'decision.override.exclude': { zh: '不予资助', en: 'Do not fund' },
	'decision.overrideReason': { zh: '调整理由（将公开）', en: 'Reason (published)' },
	'decision.overrideSave': { zh: '保存调整', en: 'Save the override' },
	'decision.overrideClear': { zh: '取消调整', en: 'Clear the override' },
	'decision.currentOverride': { zh: '当前调整：{kind}（{reason}）', en: 'Override: {kind} ({reason})' },
	'decision.currentReduced': { zh: '当前核减为 {amount}（{reason}）', en: 'Reduced to {amount} ({reason})' },
	'decision.publishNotice': { zh: '发布公示', en: 'Publish the notice' },
	'decision.publishHint': {
		zh: '发布后名单按 {days} 个工作日公示，轮次进入公示阶段；之后只能通过异议改变名单。',
		en: 'The list goes on notice for {days} working days and the round moves to its notice phase; after that only an upheld objection changes it.'
	},
	'decision.noticeAt': { zh: '公示发布于 {at}，截止 {end}。', en: 'Notice published {at}, ends {end}.' },
	'decision.viewNotice': { zh: '查看公示页', en: 'View the notice' },
	'decision.objections': { zh: '异议处理', en: 'Objections' },
	'decision.confirm': { zh: '确认最终名单并公布结果', en: 'Confirm the final list and publish the results' },
	'decision.confirmHint': {
		zh: '公示期结束且所有异议答复后可确认。',
		en: 'Possible once the notice has ended and every objection is answered.'
	},
	'decision.confirmedAt': { zh: '最终名单已于 {at} 确认。', en: 'Final list confirmed {at}.' },
	'decision.empty': { zh: '本轮还没有参与排名的申报。', en: 'No proposal in this round yet.' },
	'decision.byDistrict': { zh: '各区已分配', en: 'Awarded by district' },

	'objections.title': { zh: '异议处理', en: 'Objections' },
	'objections.empty': { zh: '暂无异议。', en: 'No objections.' },
	'objections.project': { zh: '项目：{title}', en: 'Project: {title}' },
	'objections.from': { zh: '提出人：{name}（{contact}）', en: 'From: {name} ({contact})' },
	'objections.private': { zh: '仅工作人员可见', en: 'Staff only' },
	'objections.filedAt': { zh: '提交于 {at}', en: 'Filed {at}' },
	'objections.reason': { zh: '理由', en: 'Reason' },
	'objections.response': { zh: '公开答复', en: 'Public response' },
	'objections.outcome': { zh: '处理结果', en: 'Outcome' },
	'objections.effect': { zh: '对名单的影响（异议成立时）', en: 'Effect on the list (when upheld)' },
	'objections.effectHint': {
		zh: '“移出名单”会将该项目设为不予资助，并按资助线重新划定，后续项目依次递补。',
		en: '"Take off the list" marks the project not funded and redraws the line, so the next in rank may move up.'
	},
	'objections.answer': { zh: '提交答复', en: 'Answer' },
	'objections.answeredBy': { zh: '{name} 于 {at} 答复', en: 'Answered by {name} on {at}' },
	'objections.done': { zh: '已答复。', en: 'Answered.' },
	'results.err.notFinal': {
		zh: '名单尚未确认，公示期间的名单不必更正版本。',
		en: 'The list is not confirmed yet; a list on notice needs no corrected version.'
	},
	'results.record.version': { zh: '公开名单第 {version} 版', en: 'Published list, version {version}' },
	'results.record.corrected': { zh: '{at} 更正：{reason}', en: 'Corrected on {at}: {reason}' },
	'results.record.frozen': {
		zh: '名单确认后即为公开记录：机构资料或项目内容此后的修改不会改变这里公布的名称、标题和金额；如需更正，由管理员发布新版本并说明理由。',
		en: 'Once confirmed, the list is a public record: later edits to organisation profiles or proposals do not change the names, titles and amounts published here; a correction is a new version, published by an admin with its reason.'
	},
	'decision.correct.title': { zh: '更正公开名单', en: 'Correct the published list' },
	'decision.correct.hint': {
		zh: '公开名单已冻结。如机构更名或发现错误，请先修改资料，再按当前资料发布新版本，并写明理由；理由会公开显示并记入操作日志。',
		en: 'The published list is frozen. If an organisation was renamed or something was wrong, fix the records first, then publish a new version from them with a reason; the reason is shown publicly and kept in the audit log.'
	},
	'decision.correct.reason': { zh: '更正理由', en: 'Reason for the correction' },
	'decision.correct.submit': { zh: '发布更正版本', en: 'Publish a corrected version' },
	'decision.correct.current': { zh: '当前为第 {version} 版。', en: 'This is version {version}.' },
	'decision.done.correct': { zh: '已发布更正版本。', en: 'A corrected version is published.' }
} satisfies Messages;

import type { Messages } from '../types';
import { TRIMMED_MEAN_NAME as TM } from '../../domain/scoring';

export const review = {
	// Reviewer's queue
	'review.title': { zh: '我的评审任务', en: 'My reviews' },
	'review.intro': {
		zh: '请按评分细则为分配给您的项目打分。提交前可随时保存草稿。',
		en: 'Score the proposals assigned to you against the rubric. You can save a draft at any time before submitting.'
	},
	'review.progress': { zh: '已完成 {done} / {total}', en: '{done} of {total} done' },
	'review.empty': { zh: '目前没有分配给您的评审任务。', en: 'No proposals are assigned to you yet.' },
	'review.col.round': { zh: '轮次', en: 'Round' },
	'review.col.proposal': { zh: '项目', en: 'Proposal' },
	'review.col.deadline': { zh: '评审截止', en: 'Review deadline' },
	'review.status.assigned': { zh: '待评审', en: 'To do' },
	'review.status.submitted': { zh: '已提交', en: 'Submitted' },
	'review.open': { zh: '打开评审', en: 'Open review' },

	// One assignment
	'review.back': { zh: '返回我的评审任务', en: 'Back to my reviews' },
	'review.proposal': { zh: '项目申报书', en: 'Proposal' },
	'review.organisation': { zh: '申报主体', en: 'Applicant' },
	'review.requested': { zh: '申请金额', en: 'Amount requested' },
	'review.summary': { zh: '项目简介', en: 'Summary' },
	'review.needs': { zh: '回应的社区需求', en: 'Community needs it answers' },
	'review.rubric': { zh: '评分细则', en: 'Rubric' },
	'review.weight': { zh: '权重 {weight}', en: 'weight {weight}' },
	'review.scoreLegend': { zh: '{name}（0–{max} 分，权重 {weight}）', en: '{name} (0–{max}, weight {weight})' },
	'review.notScored': { zh: '未评分', en: 'not scored' },
	'review.score': { zh: '得分', en: 'Score' },
	'review.comment': { zh: '给申报主体的总体意见（申报主体可见）', en: 'Overall comment for the applicant (the applicant will read this)' },
	'review.commentHint': {
		zh: '最终名单确认后，申报主体会在申报页和结果通知书中读到此意见，不显示您的姓名。最多 2000 字。',
		en: 'Once the final list is confirmed, the applicant reads this on their proposal page and letter, without your name. At most 2000 characters.'
	},
	'review.privateNote': { zh: '仅供评审组的备注（申报主体看不到）', en: 'Private note for the panel (the applicant never sees it)' },
	'review.privateNoteHint': {
		zh: '只有管理员可见，不会公开（与其他评审专家交流请用评审组讨论）。最多 2000 字。',
		en: 'Seen by admins only, never published (to talk with the other reviewers, use the panel discussion). At most 2000 characters.'
	},
	'review.saveDraft': { zh: '保存草稿', en: 'Save draft' },
	'review.submit': { zh: '提交评审', en: 'Submit review' },
	'review.resubmit': { zh: '更新已提交的评审', en: 'Update submitted review' },
	'review.submitHint': {
		zh: '提交需要为每一项评分。评审阶段结束前仍可修改。',
		en: 'Submitting needs a score for every criterion. You can still change it until the review phase ends.'
	},
	'review.total': { zh: '加权总分', en: 'Weighted total' },
	'review.totalIncomplete': { zh: '全部评分后显示加权总分。', en: 'The weighted total shows once every criterion is scored.' },
	'review.saved': { zh: '草稿已保存。', en: 'Draft saved.' },
	'review.submitted': { zh: '评审已提交，谢谢！', en: 'Review submitted. Thank you!' },
	'review.submittedAt': { zh: '提交于 {at}', en: 'Submitted {at}' },
	'review.readOnly': {
		zh: '当前阶段为「{phase}」，评审只能在「专家评审」阶段填写或修改，现为只读。',
		en: 'The round is in its “{phase}” phase. Reviews can be written or changed only during expert review, so this is read-only.'
	},
	'review.others': { zh: '其他评审专家的总分', en: 'Other reviewers’ totals' },
	'review.othersNone': { zh: '其他评审专家尚未提交。', en: 'No other reviewer has submitted yet.' },
	'review.othersHidden': {
		zh: '提交您的评审后，可看到其他评审专家的总分（匿名）。',
		en: 'Once you submit, you will see the other reviewers’ totals (anonymised).'
	},
	'review.reviewerLabel': { zh: '评审 {letter}', en: 'Reviewer {letter}' },

	// Admin: proposals, panel and decision
	'review.admin.title': { zh: '项目、评审与决策', en: 'Proposals, review and decision' },
	'review.admin.back': { zh: '返回轮次设置', en: 'Back to the round' },
	'review.admin.phase': { zh: '当前阶段：{phase}', en: 'Current phase: {phase}' },
	'review.admin.empty': { zh: '本轮还没有已提交的项目。', en: 'No proposals have been submitted in this round yet.' },
	'review.admin.col.organisation': { zh: '申报主体', en: 'Applicant' },
	'review.admin.col.title': { zh: '项目名称', en: 'Title' },
	'review.admin.col.requested': { zh: '申请金额', en: 'Requested' },
	'review.admin.col.reviewers': { zh: '评审专家', en: 'Reviewers' },
	'review.admin.col.count': { zh: '已提交评审', en: 'Reviews in' },
	'review.admin.col.mean': { zh: '平均分', en: 'Mean' },
	'review.admin.col.trimmed': { zh: TM.zh, en: TM.enHeading },
	'review.admin.submittedMark': { zh: '（已提交）', en: '(submitted)' },
	'review.admin.noReviewers': { zh: '尚未分配', en: 'None assigned' },
	'review.admin.award': { zh: '资助金额：{amount}', en: 'Award: {amount}' },
	'review.admin.reasonShown': { zh: '理由：{reason}', en: 'Reason: {reason}' },
	'review.admin.manage': { zh: '处理「{title}」', en: 'Act on “{title}”' },
	'review.admin.reviewer': { zh: '评审专家', en: 'Reviewer' },
	'review.admin.chooseReviewer': { zh: '请选择', en: 'Choose…' },
	'review.admin.assign': { zh: '分配评审', en: 'Assign reviewer' },
	'review.admin.unassign': { zh: '取消分配 {name}', en: 'Remove {name}' },
	'review.admin.done': { zh: '已完成。', en: 'Done.' },
	'review.admin.conflictMark': { zh: '（须回避）', en: '(must recuse)' },
	'review.admin.noneActive': { zh: '没有可分配的评审专家。', en: 'No active reviewers to assign.' },

	// Reviewer: queue, bands, conflicts, notices
	'review.deadline': { zh: '评审截止：{at}', en: 'Review deadline: {at}' },
	'review.notices': { zh: '新通知（{count}）', en: 'New notices ({count})' },
	'review.noticesRead': { zh: '全部标为已读', en: 'Mark all as read' },
	'review.blind': { zh: '（盲评：不显示申报主体）', en: '(blind review: applicant hidden)' },
	'review.criterionComment': { zh: '本项评语', en: 'Comment on this criterion' },
	'review.band.low': { zh: '较弱 {min}–{max}', en: 'Weak {min}–{max}' },
	'review.band.fair': { zh: '一般 {min}–{max}', en: 'Fair {min}–{max}' },
	'review.band.good': { zh: '良好 {min}–{max}', en: 'Good {min}–{max}' },
	'review.band.excellent': { zh: '优秀 {min}–{max}', en: 'Excellent {min}–{max}' },
	'review.bandName.low': { zh: '较弱', en: 'weak' },
	'review.bandName.fair': { zh: '一般', en: 'fair' },
	'review.bandName.good': { zh: '良好', en: 'good' },
	'review.bandName.excellent': { zh: '优秀', en: 'excellent' },
	'review.band.low.default': { zh: '基本未做到，存在明显缺陷。', en: 'Largely not met; clear weaknesses.' },
	'review.band.fair.default': { zh: '部分做到，仍有明显不足。', en: 'Partly met; notable gaps remain.' },
	'review.band.good.default': { zh: '较好做到，仅有小的不足。', en: 'Well met; only minor gaps.' },
	'review.band.excellent.default': { zh: '充分做到，可作示范。', en: 'Fully met; an example to others.' },
	'review.othersNever': {
		zh: '本轮设定评审专家之间不互看分数。',
		en: 'In this round reviewers do not see each other’s scores.'
	},
	'review.conflict.title': { zh: '申请回避', en: 'Declare a conflict of interest' },
	'review.conflict.hint': {
		zh: '如您与申报主体或项目有利益关系（任职、亲属、合作等），请说明理由并申请回避。回避后您将不能再查看此项目，已填写的评分也会作废。',
		en: 'If you have an interest in the applicant or the project (employment, family, partnership…), give the reason and recuse yourself. You will no longer see this proposal, and any scores you gave are discarded.'
	},
	'review.conflict.reason': { zh: '回避理由（仅管理员可见）', en: 'Reason (seen by admins only)' },
	'review.conflict.declare': { zh: '申请回避', en: 'Recuse myself' },
	'review.conflict.done': {
		zh: '已登记回避，该项目已从您的评审任务中移除，管理员会另行安排。',
		en: 'Your conflict is recorded and the proposal has left your queue; an admin will reassign it.'
	},
	'notice.reviewAssigned': {
		zh: '您有 {count} 个新的评审任务。',
		en: 'You have {count, plural, one {# new proposal} other {# new proposals}} to review.'
	},
	'notice.reviewReminder': {
		zh: '提醒：「{round}」还有 {count} 份评审未提交，截止时间 {deadline}。',
		en: 'Reminder: {count, plural, one {# review} other {# reviews}} in “{round}” {count, plural, one {is} other {are}} not submitted yet; the deadline is {deadline}.'
	},
	'notice.conflictDeclared': {
		zh: '一位评审专家对「{title}」申请了回避，请重新分配。',
		en: 'A reviewer declared a conflict on “{title}”; please reassign it.'
	},

	// Admin: review management
	'review.manage.title': { zh: '专家评审管理', en: 'Expert review' },
	'review.manage.nav': { zh: '评审管理', en: 'Review' },
	'review.manage.navRubric': { zh: '评分细则', en: 'Rubric' },
	'review.manage.navPanel': { zh: '评审专家组', en: 'Panel' },
	'review.manage.navProgress': { zh: '评审进度', en: 'Progress' },
	'review.manage.navReviewers': { zh: '专家库', en: 'Reviewer pool' },
	'review.manage.auto': { zh: '自动分配评审', en: 'Auto-assign reviewers' },
	'review.manage.autoHint': {
		zh: '为每个通过资格审查的项目从评审专家组中分配 {k} 位专家：工作量均衡、自动回避、优先匹配专长。已有分配（含已开始的评审）保持不变，再次运行只补足缺额。',
		en: 'Gives every eligible proposal {k} reviewers from the panel: balanced loads, conflicts respected, matching expertise preferred. Existing assignments (and reviews started) stay; running it again only fills gaps.'
	},
	'review.manage.autoDone': { zh: '已新增 {added} 项分配。', en: '{added} assignments added.' },
	'review.manage.autoShort': {
		zh: '{count} 个项目因可选专家不足（回避或专家组太小）未能分满。',
		en: '{count, plural, one {# proposal} other {# proposals}} could not get enough conflict-free reviewers.'
	},
	'review.manage.col.calibrated': { zh: '校准分', en: 'Calibrated' },
	'review.manage.col.sd': { zh: '标准差', en: 'SD' },
	'review.manage.col.rank': { zh: '排名依据', en: 'Ranks by' },
	'review.manage.disagreement': { zh: '分歧大', en: 'Disagreement' },
	'review.manage.rankingNow': { zh: '本轮排名依据：{score}', en: 'This round ranks by: {score}' },
	'review.manage.reassign': { zh: '改派给', en: 'Reassign to' },
	'review.manage.reassignButton': { zh: '改派', en: 'Reassign' },
	'review.manage.setConflict': { zh: '登记回避', en: 'Record a conflict' },
	'review.manage.conflictReviewer': { zh: '须回避的专家', en: 'Reviewer who must recuse' },
	'review.manage.conflictReason': { zh: '回避理由', en: 'Reason' },
	'review.manage.conflicts': { zh: '已登记的回避', en: 'Recorded conflicts' },
	'review.manage.conflictSource.declared': { zh: '专家申请', en: 'Declared by the reviewer' },
	'review.manage.conflictSource.admin': { zh: '管理员登记', en: 'Set by an admin' },
	'review.manage.lift': { zh: '撤销回避', en: 'Lift' },
	'review.manage.liftReason': { zh: '撤销理由', en: 'Reason for lifting' },
	'review.manage.noConflicts': { zh: '暂无登记的回避。', en: 'No conflicts recorded.' },

	'review.settings.title': { zh: '评审设置', en: 'Review settings' },
	'review.settings.visibility': { zh: '评审专家互看分数', en: 'Reviewers see each other’s scores' },
	'review.settings.visibility.after_submit': { zh: '提交自己的评审后可见（匿名）', en: 'After submitting their own (anonymised)' },
	'review.settings.visibility.never': { zh: '始终不可见', en: 'Never' },
	'review.settings.blind': { zh: '盲评：向评审专家隐藏申报主体', en: 'Blind review: hide the applicant from reviewers' },
	'review.settings.ranking': { zh: '排名依据', en: 'Ranking score' },
	'review.settings.perProposal': { zh: '每个项目的评审专家人数', en: 'Reviewers per proposal' },
	'review.settings.save': { zh: '保存评审设置', en: 'Save review settings' },
	'review.settings.saved': { zh: '评审设置已保存。', en: 'Review settings saved.' },

	'review.rubric.title': { zh: '评分细则', en: 'Rubric' },
	'review.rubric.intro': {
		zh: '各项权重合计须为 100；每项按 0 至满分打分，加权为 0–100 总分。第一份评审提交后细则锁定。',
		en: 'Weights must total 100; each criterion is scored from 0 to its maximum and weighted to a 0–100 total. The rubric locks once the first review is submitted.'
	},
	'review.rubric.locked': {
		zh: '已有评审提交，评分细则已锁定，不能再修改。',
		en: 'A review has been submitted, so the rubric is locked.'
	},
	'review.rubric.criterion': { zh: '第 {n} 项', en: 'Criterion {n}' },
	'review.rubric.newCriterion': { zh: '新增一项（可选）', en: 'Add a criterion (optional)' },
	'review.rubric.nameZh': { zh: '名称（中文）', en: 'Name (Chinese)' },
	'review.rubric.nameEn': { zh: '名称（英文）', en: 'Name (English)' },
	'review.rubric.description': { zh: '说明', en: 'Description' },
	'review.rubric.weight': { zh: '权重', en: 'Weight' },
	'review.rubric.scale': { zh: '满分', en: 'Maximum score' },
	'review.rubric.guidance': { zh: '{band}档评分指引', en: 'Guidance for the {band} band' },
	'review.rubric.remove': { zh: '删除此项', en: 'Remove this criterion' },
	'review.rubric.total': { zh: '权重合计：{total}', en: 'Weights total: {total}' },
	'review.rubric.save': { zh: '保存评分细则', en: 'Save rubric' },
	'review.rubric.saved': { zh: '评分细则已保存。', en: 'Rubric saved.' },

	'review.panel.title': { zh: '评审专家组', en: 'Review panel' },
	'review.panel.intro': {
		zh: '勾选参与本轮评审的专家。自动分配只在专家组内进行。',
		en: 'Tick the reviewers who serve on this round. Auto-assignment draws only on the panel.'
	},
	'review.panel.members': { zh: '专家组成员', en: 'Panel members' },
	'review.panel.affiliation': { zh: '所属机构：{name}', en: 'Affiliation: {name}' },
	'review.panel.independent': { zh: '无所属机构', en: 'No affiliation' },
	'review.panel.save': { zh: '保存专家组', en: 'Save panel' },
	'review.panel.saved': { zh: '专家组已保存。', en: 'Panel saved.' },
	'review.panel.none': { zh: '还没有评审专家账号，请先在专家库中邀请。', en: 'There are no reviewer accounts yet; invite some in the reviewer pool.' },

	'review.progress.title': { zh: '评审进度', en: 'Review progress' },
	'review.progress.byReviewer': { zh: '按评审专家', en: 'By reviewer' },
	'review.progress.byProposal': { zh: '按项目', en: 'By proposal' },
	'review.progress.done': { zh: '已提交', en: 'Submitted' },
	'review.progress.assigned': { zh: '已分配', en: 'Assigned' },
	'review.progress.started': { zh: '已开始', en: 'Started' },
	'review.progress.overdue': { zh: '逾期未交', en: 'Overdue' },
	'review.progress.overdueNone': { zh: '没有逾期的评审。', en: 'No overdue reviews.' },
	'review.progress.tooFew': { zh: '评审人数不足的项目', en: 'Proposals with too few reviews' },
	'review.progress.tooFewNone': { zh: '每个项目都已分满评审专家。', en: 'Every proposal has enough reviewers.' },
	'review.progress.need': { zh: '已分配 {assigned} / 需 {k}，已提交 {done}', en: '{assigned} of {k} assigned, {done} submitted' },
	'review.progress.remind': { zh: '提醒未完成的评审专家', en: 'Remind reviewers with reviews outstanding' },
	'review.progress.remindHint': {
		zh: '向每位尚有评审未提交的专家发送站内通知；已配置邮件服务时同时发送邮件。',
		en: 'Sends an in-app notice to every reviewer with reviews outstanding, and an email when mail is configured.'
	},
	'review.progress.reminded': { zh: '已提醒 {count} 位评审专家。', en: '{count, plural, one {# reviewer} other {# reviewers}} reminded.' },
	'review.progress.deadline': { zh: '评审截止：{at}', en: 'Review deadline: {at}' },
	'review.progress.lastReminded': { zh: '上次提醒', en: 'Last reminded' },

	'review.pool.title': { zh: '评审专家库', en: 'Reviewer pool' },
	'review.pool.intro': {
		zh: '评审专家通过邀请加入（在「用户」页面邀请，角色选评审专家）。在此设置每位专家的所属机构与专长。所属机构用于自动回避。',
		en: 'Reviewers join by invitation (on the Users page, with the reviewer role). Here you set each reviewer’s affiliation and expertise; the affiliation drives automatic recusal.'
	},
	'review.pool.invite': { zh: '邀请评审专家', en: 'Invite a reviewer' },
	'review.pool.affiliation': { zh: '所属机构', en: 'Affiliation' },
	'review.pool.noAffiliation': { zh: '无（独立专家）', en: 'None (independent)' },
	'review.pool.expertise': { zh: '专长领域', en: 'Expertise' },
	'review.pool.save': { zh: '保存 {name} 的资料', en: 'Save {name}’s profile' },
	'review.pool.saved': { zh: '专家资料已保存。', en: 'Profile saved.' },
	'review.pool.disabled': { zh: '已停用', en: 'Disabled' },

	// Errors
	'review.err.noProposal': { zh: '找不到该项目。', en: 'This proposal does not exist.' },
	'review.err.noRound': { zh: '找不到该轮次。', en: 'This round does not exist.' },
	'review.err.noReviewer': { zh: '请选择一位在职的评审专家。', en: 'Choose an active reviewer.' },
	'review.err.noAssignment': { zh: '找不到该评审任务。', en: 'This review assignment does not exist.' },
	'review.err.notSubmitted': {
		zh: '只有「已提交」的项目可以做资格审查。',
		en: 'Only submitted proposals can go through the eligibility check.'
	},
	'review.err.notEligible': {
		zh: '只能为通过资格审查的项目分配评审专家。',
		en: 'Reviewers can be assigned only to eligible proposals.'
	},
	'review.err.notDecidable': {
		zh: '只能对通过资格审查的项目作资助决定。',
		en: 'Only eligible proposals can be funded or turned down.'
	},
	'review.err.conflict': {
		zh: '该评审专家与申报主体属同一机构，须回避，不能分配。',
		en: 'This reviewer belongs to the applicant organisation and must recuse (conflict of interest).'
	},
	'review.err.duplicate': {
		zh: '该评审专家已分配到此项目。',
		en: 'This reviewer is already assigned to this proposal.'
	},
	'review.err.alreadySubmitted': {
		zh: '该评审已提交，不能取消分配。',
		en: 'This review has been submitted and cannot be removed.'
	},
	'review.err.reasonRequired': { zh: '请填写理由。', en: 'Please give a reason.' },
	'review.err.scoreRequired': { zh: '提交前请为此项评分。', en: 'Score this criterion before submitting.' },
	'review.err.scoreRange': {
		zh: '请输入 0 到 {max} 之间的整数。',
		en: 'Enter a whole number from 0 to {max}.'
	},
	'review.err.awardPositive': { zh: '资助金额须大于 0。', en: 'The award must be more than zero.' },
	'review.err.awardAboveRequest': {
		zh: '资助金额不能超过申请金额 {requested}。',
		en: 'The award cannot be more than the {requested} requested.'
	},
	'review.err.pool': {
		zh: '超出资助总额：本轮只剩 {left}。',
		en: 'This would exceed the pool: only {left} is left in this round.'
	},
	'review.err.conflictDeclared': {
		zh: '该评审专家已登记回避此项目，不能分配。',
		en: 'This reviewer has a recorded conflict with this proposal and cannot be assigned.'
	},
	'review.err.conflictExists': { zh: '此回避已登记。', en: 'This conflict is already recorded.' },
	'review.err.noConflict': { zh: '找不到该回避记录。', en: 'This conflict record does not exist.' },
	'review.err.notOnPanel': {
		zh: '该专家不在本轮评审专家组中，请先在「评审专家组」页面加入。',
		en: 'This reviewer is not on the round’s panel; add them on the Panel page first.'
	},
	'review.err.noPanel': {
		zh: '请先在「评审专家组」页面选定本轮的评审专家。',
		en: 'Choose the round’s panel on the Panel page first.'
	},
	'review.err.weightsTotal': {
		zh: '各项权重合计须为 100，现为 {total}。',
		en: 'The weights must total 100; they total {total}.'
	},
	'review.err.rubricLocked': {
		zh: '已有评审提交，评分细则已锁定。',
		en: 'A review has been submitted; the rubric is locked.'
	},
	'review.err.rubricEmpty': { zh: '评分细则至少要有一项。', en: 'The rubric needs at least one criterion.' },
	'review.err.alreadyPublished': { zh: '结果已发布过。', en: 'The results have already been published.' },
	'review.err.changed': {
		zh: '这份评审刚刚在另一个窗口中保存或提交过。请刷新页面，核对后再保存。',
		en: 'This review was just saved or submitted in another window. Reload the page, check it, then save again.'
	}
} satisfies Messages;

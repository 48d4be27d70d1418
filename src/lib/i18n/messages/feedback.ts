/** Reviews reach their readers: the reviewer's whole proposal, the admin's reading, the panel's discussion, the applicant's feedback. */
export const feedback = {
	// Reviewer: what the applicant will read
	'review.forApplicant.legend': {
		zh: '标有「申报主体可见」的内容，会在最终名单确认后展示给申报主体（不显示您的姓名）；其余内容只有评审组和管理员可见。',
		en: 'What is marked “the applicant will read this” is shown to the applicant once the final list is confirmed (without your name); everything else is seen by the panel and admins only.'
	},
	'review.forApplicant.tag': { zh: '申报主体可见', en: 'The applicant will read this' },
	'review.panelOnly.tag': { zh: '仅评审组与管理员可见', en: 'Panel and admins only' },
	'review.forApplicant.share': {
		zh: '让申报主体看到这条评语（名单确认后，不署名）',
		en: 'Let the applicant read this comment (after the list is confirmed, unsigned)'
	},
	'review.forApplicant.preview': { zh: '申报主体将读到的内容', en: 'What the applicant will read' },
	'review.forApplicant.previewEmpty': { zh: '目前没有会给申报主体看的内容。', en: 'Nothing you wrote is for the applicant yet.' },
	'review.forApplicant.previewHint': {
		zh: '按已保存的内容显示；保存后更新。',
		en: 'As saved; updated when you save.'
	},
	'review.wholeProposal': { zh: '完整申报书', en: 'The whole proposal' },

	// Panel discussion
	'discussion.title': { zh: '评审组讨论', en: 'Panel discussion' },
	'discussion.hint': {
		zh: '只有已提交本项目评审、且无须回避的评审专家和管理员能看到，申报主体看不到。',
		en: 'Seen only by reviewers of this proposal who have submitted their review and have no conflict, and by admins; never by the applicant.'
	},
	'discussion.locked': {
		zh: '提交您的评审后，可以参与本项目的评审组讨论。',
		en: 'Once you submit your review, you can join the panel’s discussion of this proposal.'
	},
	'discussion.empty': { zh: '还没有讨论。', en: 'No messages yet.' },
	'discussion.body': { zh: '发言', en: 'Message' },
	'discussion.post': { zh: '发表', en: 'Post' },
	'discussion.posted': { zh: '已发表。', en: 'Posted.' },
	'discussion.admin': { zh: '管理员', en: 'Admin' },
	'discussion.you': { zh: '（我）', en: '(you)' },
	'discussion.closed': { zh: '名单确认后讨论已关闭。', en: 'The discussion closed when the list was confirmed.' },

	// Admin: the reviews of one proposal
	'reviews.title': { zh: '评审意见：{title}', en: 'Reviews: {title}' },
	'reviews.link': { zh: '评审意见', en: 'Reviews' },
	'reviews.back': { zh: '返回评审管理', en: 'Back to review management' },
	'reviews.count': { zh: '已提交 {done} / 已分配 {assigned}', en: '{done} of {assigned} submitted' },
	'reviews.none': { zh: '还没有提交的评审。', en: 'No review has been submitted yet.' },
	'reviews.criterion': { zh: '评分项', en: 'Criterion' },
	'reviews.spread': { zh: '分差', en: 'Spread' },
	'reviews.total': { zh: '加权总分', en: 'Weighted total' },
	'reviews.disagree': { zh: '分歧较大', en: 'Reviewers disagree' },
	'reviews.disagreeHint': {
		zh: '某一评分项的最高分与最低分相差达满分的 40% 或以上时标出，可在评审组讨论中核对。',
		en: 'Marked where a criterion’s highest and lowest scores lie 40 % of its scale apart or more; worth raising in the panel discussion.'
	},
	'reviews.totalsDisagree': { zh: '各评审总分分歧较大。', en: 'The reviewers’ totals disagree widely.' },
	'reviews.overall': { zh: '给申报主体的总体意见', en: 'Overall comment for the applicant' },
	'reviews.private': { zh: '仅供评审组的备注', en: 'Private note for the panel' },
	'reviews.submittedAt': { zh: '提交于 {at}', en: 'Submitted {at}' },
	'reviews.identities': { zh: '查看评审专家身份', en: 'Show who the reviewers are' },
	'reviews.identitiesHint': {
		zh: '评审专家以代号显示，在本轮所有项目中代号一致。查看真实身份会记入审计日志，请写明理由。',
		en: 'Reviewers are shown by pseudonym, the same on every proposal of the round. Showing who they are is recorded in the audit log with your reason.'
	},
	'reviews.identitiesReason': { zh: '查看理由', en: 'Reason' },
	'reviews.identitiesShown': { zh: '评审专家身份（已记入审计日志）', en: 'The reviewers (recorded in the audit log)' },
	'reviews.notScored': { zh: '—', en: '—' },

	// Applicant: feedback and letter
	'feedback.title': { zh: '评审结果与反馈', en: 'Review results and feedback' },
	'feedback.notYet': {
		zh: '最终名单确认后，可在这里查看评审结果与意见。',
		en: 'The review results and comments appear here once the final list is confirmed.'
	},
	'feedback.notYetNotice': {
		zh: '拟资助名单正在公示，结果尚未最终确认；公示结束、名单确认后可在这里查看评审结果与意见。',
		en: 'The provisional list is on public notice and not final yet; the review results and comments appear here once the list is confirmed.'
	},
	'feedback.outcome': { zh: '结果', en: 'Outcome' },
	'feedback.funded': { zh: '获资助', en: 'Funded' },
	'feedback.notFunded': { zh: '未获资助', en: 'Not funded' },
	'feedback.rank': { zh: '排名', en: 'Rank' },
	'feedback.rankOf': { zh: '第 {rank} 名', en: 'No. {rank}' },
	'feedback.score': { zh: '排名得分', en: 'Ranking score' },
	'feedback.reason': { zh: '原因', en: 'Reason' },
	'feedback.requested': { zh: '申请金额', en: 'Amount requested' },
	'feedback.award': { zh: '资助金额', en: 'Award' },
	'feedback.reduction': { zh: '核减 {amount}', en: 'Reduced by {amount}' },
	'feedback.reductionReason': { zh: '核减理由', en: 'Why it was reduced' },
	'feedback.criteria': { zh: '各评分项平均分', en: 'Average score per criterion' },
	'feedback.average': { zh: '平均分', en: 'Average' },
	'feedback.reviews': { zh: '{count} 份评审', en: '{count, plural, one {# review} other {# reviews}}' },
	'feedback.comments': { zh: '评审专家给您的意见', en: 'The reviewers’ comments for you' },
	'feedback.noComments': { zh: '评审专家没有留下给申报主体的意见。', en: 'The reviewers left no comments for the applicant.' },
	'feedback.overall': { zh: '总体意见', en: 'Overall' },
	'feedback.letter': { zh: '打印结果通知书', en: 'Printable letter' },
	'letter.award.title': { zh: '资助通知书', en: 'Award letter' },
	'letter.decline.title': { zh: '评审结果通知书', en: 'Decision letter' },
	'letter.to': { zh: '{organisation}：', en: 'To {organisation}:' },
	'letter.award.body': {
		zh: '您单位申报的「{title}」经资格审查、专家评审、公示，列入「{round}」资助名单，资助金额 {award}。',
		en: 'Your proposal “{title}” passed the eligibility check, expert review and public notice and is funded in “{round}”, with an award of {award}.'
	},
	'letter.decline.body': {
		zh: '您单位申报的「{title}」经评审与公示，未列入「{round}」资助名单。感谢您对社区的投入，欢迎参考以下评审意见，在下一轮继续申报。',
		en: 'Your proposal “{title}” was reviewed and, after the public notice, is not funded in “{round}”. Thank you for your work for the community; the reviewers’ comments below may help in the next round.'
	},
	'letter.confirmedAt': { zh: '名单确认日期：{at}', en: 'List confirmed: {at}' },
	'letter.back': { zh: '返回项目申报书', en: 'Back to the proposal' },
	'letter.print': { zh: '用浏览器的“打印”即可打印或保存为 PDF。', en: 'Use your browser’s Print to print it or save it as a PDF.' },
	'letter.unavailable': {
		zh: '最终名单确认后才有结果通知书。',
		en: 'The letter exists once the final list is confirmed.'
	}
} as const;

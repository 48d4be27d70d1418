import type { Messages } from '../types';

/** People and their data: account lifecycle, password reset, privacy, two-factor sign-in, questions. */
export const people = {
	'people.err.disableSelf': { zh: '不能停用自己的账户。', en: 'You cannot disable your own account.' },
	'people.err.alreadyDisabled': { zh: '该账户已停用。', en: 'This account is disabled already.' },
	'people.err.notDisabled': { zh: '该账户未停用。', en: 'This account is not disabled.' },
	'people.err.lastAdmin': {
		zh: '这是最后一个启用的管理员账户，不能停用。',
		en: 'This is the last active admin account; it cannot be disabled.'
	},
	'people.err.noOrganisation': { zh: '该账户不属于任何申报机构。', en: 'This account belongs to no organisation.' },
	'people.err.invitationGone': {
		zh: '该邀请已被接受、撤销或替换。',
		en: 'This invitation was accepted, revoked or replaced already.'
	},
	'people.err.resetDisabled': {
		zh: '账户已停用，请先启用再重置密码。',
		en: 'The account is disabled; enable it before resetting its password.'
	},

	'people.users.actions': { zh: '操作', en: 'Actions' },
	'people.users.reason': { zh: '原因', en: 'Reason' },
	'people.users.disable': { zh: '停用', en: 'Disable' },
	'people.users.enable': { zh: '启用', en: 'Enable' },
	'people.users.reset': { zh: '重置密码链接', en: 'Password reset link' },
	'people.users.leave': { zh: '已离开机构', en: 'Left the organisation' },
	'people.users.revoke': { zh: '撤销', en: 'Revoke' },
	'people.users.disabled': { zh: '已停用该账户，其登录状态已全部失效。', en: 'The account is disabled and signed out everywhere.' },
	'people.users.enabled': { zh: '已启用该账户。', en: 'The account is enabled.' },
	'people.users.left': {
		zh: '该账户已不再属于原机构，无法再查看该机构的项目。',
		en: 'The account no longer belongs to the organisation and sees none of its proposals.'
	},
	'people.users.revoked': { zh: '已撤销邀请，链接已失效。', en: 'The invitation is revoked; its link no longer works.' },
	'people.users.resetIssued': {
		zh: '已为 {name} 生成重置密码链接，仅显示这一次，{minutes} 分钟内有效，只能使用一次。',
		en: 'A password reset link for {name}, shown this once: it works once, within {minutes} minutes.'
	},
	'people.users.resetMailed': {
		zh: '已同时发送到该账户的电子邮箱。',
		en: 'It was also e-mailed to the account’s address.'
	},

	'people.reset.title': { zh: '设置新密码', en: 'Set a new password' },
	'people.reset.intro': {
		zh: '{name}，请设置新密码。设置后，该账户在所有设备上的登录状态都会失效。',
		en: '{name}, choose a new password. Once it is set, the account is signed out on every device.'
	},
	'people.reset.submit': { zh: '设置新密码并登录', en: 'Set the password and sign in' },
	'people.reset.unknown': {
		zh: '该重置链接无效，请联系管理员重新生成。',
		en: 'This reset link is not valid; ask an admin for a new one.'
	},
	'people.reset.used': {
		zh: '该重置链接已被使用，请联系管理员重新生成。',
		en: 'This reset link was used already; ask an admin for a new one.'
	},
	'people.reset.expired': {
		zh: '该重置链接已过期，请联系管理员重新生成。',
		en: 'This reset link has expired; ask an admin for a new one.'
	},
	'people.reset.mailSubject': { zh: '重置密码', en: 'Reset your password' },
	'people.reset.mailBody': {
		zh: '管理员为您生成了重置密码的链接，{minutes} 分钟内有效，只能使用一次：',
		en: 'An admin issued a link to reset your password; it works once, within {minutes} minutes:'
	},

	'people.err.consent': {
		zh: '请勾选同意，我们才能保存您的姓名和联系方式。',
		en: 'Please tick the consent box: we can keep your name and contact only then.'
	},
	'people.privacy.title': { zh: '个人信息说明', en: 'About your personal information' },
	'people.privacy.what': { zh: '保存什么', en: 'What is kept' },
	'people.privacy.why': { zh: '用于什么', en: 'Why' },
	'people.privacy.howLong': { zh: '保存多久', en: 'For how long' },
	'people.privacy.delete': { zh: '如何删除', en: 'How to have it deleted' },
	'people.privacy.need.what': {
		zh: '您填写的需求内容（公开），以及您自愿留下的姓名和电话（不公开，仅工作人员可见，每次查看都有记录）。',
		en: 'The need you describe (public), and the name and phone you choose to leave (never public; only staff see them, and every look is recorded).'
	},
	'people.privacy.need.why': {
		zh: '姓名和电话只用于工作人员联系您核实需求、告知进展。',
		en: 'The name and phone are used only by staff to check the need with you and tell you how it goes.'
	},
	'people.privacy.need.howLong': {
		zh: '本轮结项后 {months} 个月自动删除姓名和电话；需求内容作为公开记录保留。',
		en: 'The name and phone are deleted automatically {months} months after the round closes; the need stays on public record.'
	},
	'people.privacy.need.delete': {
		zh: '随时可凭回执码联系社工站或慈善会，核实后立即删除您的姓名和电话，也可索取我们保存的您的信息。',
		en: 'Any time, bring your receipt code to the station or the federation: once checked, your name and phone are deleted at once, and you may ask for a copy of what we keep.'
	},
	'people.privacy.objection.what': {
		zh: '异议理由（答复后公开，不含您的姓名），以及您的姓名和联系方式（不公开，仅工作人员可见，每次查看都有记录）。',
		en: 'Your reason (public once answered, without your name), and your name and contact (never public; only staff see them, and every look is recorded).'
	},
	'people.privacy.objection.why': {
		zh: '姓名和联系方式用于核实异议、向您答复。',
		en: 'The name and contact are used to check the objection and answer you.'
	},
	'people.privacy.objection.howLong': {
		zh: '本轮结项后 {months} 个月自动删除。',
		en: 'Deleted automatically {months} months after the round closes.'
	},
	'people.privacy.objection.delete': {
		zh: '可联系慈善会要求提前删除或索取副本；删除后我们将无法再就该异议联系您。',
		en: 'Ask the federation to delete them sooner or for a copy; once deleted we cannot reach you about the objection.'
	},
	'people.privacy.objection.consent': {
		zh: '我同意工作人员保存并使用以上姓名和联系方式核实、答复异议；它们不会公开。',
		en: 'Staff may keep and use this name and contact to check and answer the objection; they are never published.'
	},
	'people.privacy.account.what': {
		zh: '您的姓名、电子邮箱、所属机构和角色，登录记录，以及您在平台上的操作记录。',
		en: 'Your name, e-mail, organisation and role, your sign-ins, and a record of what you do on the portal.'
	},
	'people.privacy.account.why': {
		zh: '用于登录、分配工作、通知您，以及按规定留存每一项决定的经办人。',
		en: 'To sign you in, give you work, notify you, and keep the record of who made each decision, as the rules require.'
	},
	'people.privacy.account.howLong': {
		zh: '账户在用期间保存；停用后不再登录，操作记录作为审计档案保留。',
		en: 'While the account is in use; once disabled it cannot sign in, and the record of its actions stays as the audit trail.'
	},
	'people.privacy.account.delete': {
		zh: '可联系管理员停用账户或索取您的账户信息副本。',
		en: 'Ask an admin to disable the account or for a copy of your account’s data.'
	},
	'people.privacy.noSuchCode': { zh: '没有该回执码对应的需求。', en: 'No need has this receipt code.' },
	'people.privacy.monthsRange': { zh: '请输入 1 到 120 之间的月数。', en: 'Enter between 1 and 120 months.' },
	'people.privacy.admin.title': { zh: '个人信息', en: 'Personal information' },
	'people.privacy.admin.intro': {
		zh: '居民和异议人的姓名、联系方式在所属轮次结项后按保存期限自动删除；居民凭回执码提出查阅、复制或删除请求时，在此办理。每次查看都记入操作日志。',
		en: 'Residents’ and objectors’ names and contacts are erased automatically once their round has been closed for the retention period; a resident’s request to see, copy or delete theirs, made with a receipt code, is handled here. Every look is in the audit log.'
	},
	'people.privacy.admin.request': { zh: '居民的查阅、复制、删除请求', en: 'A resident’s request to see, copy or delete' },
	'people.privacy.admin.requestHint': {
		zh: '先核实来人持有该回执码（回执单原件或短信），再查询。',
		en: 'First check that the person asking holds the receipt code (the paper slip or the message), then look it up.'
	},
	'people.privacy.admin.code': { zh: '回执码', en: 'Receipt code' },
	'people.privacy.admin.lookup': { zh: '查询', en: 'Look up' },
	'people.privacy.admin.round': { zh: '轮次', en: 'Round' },
	'people.privacy.admin.need': { zh: '需求', en: 'Need' },
	'people.privacy.admin.contact': { zh: '姓名和联系方式', en: 'Name and contact' },
	'people.privacy.admin.noContact': { zh: '未留联系方式', en: 'No contact was left' },
	'people.privacy.admin.erasedAt': { zh: '已于 {at} 删除', en: 'Erased at {at}' },
	'people.privacy.admin.keptUntil': { zh: '保存至', en: 'Kept until' },
	'people.privacy.admin.export': { zh: '下载该居民的个人信息副本（JSON）', en: 'Download a copy of the resident’s data (JSON)' },
	'people.privacy.admin.checked': { zh: '如何核实了请求', en: 'How the request was checked' },
	'people.privacy.admin.checkedHint': { zh: '例如：本人持回执单到站点办理。', en: 'For example: came to the station with the receipt slip.' },
	'people.privacy.admin.erase': { zh: '立即删除姓名和联系方式', en: 'Erase the name and contact now' },
	'people.privacy.admin.erased': {
		zh: '回执码 {code} 对应的姓名和联系方式已删除，需求内容保留。',
		en: 'The name and contact under receipt code {code} are erased; the need stays.'
	},
	'people.privacy.admin.retention': { zh: '保存期限', en: 'Retention' },
	'people.privacy.admin.months': { zh: '结项后保存月数', en: 'Months kept after the round closes' },
	'people.privacy.admin.monthsHint': {
		zh: '到期后由系统自动删除居民和异议人的姓名与联系方式（也可运行 npm run retention）。默认 12 个月。',
		en: 'Then the server erases residents’ and objectors’ names and contacts (or run npm run retention). 12 months by default.'
	},
	'people.privacy.admin.saved': { zh: '保存期限已更新。', en: 'The retention period is saved.' },
	'admin.nav.privacy': { zh: '个人信息', en: 'Personal information' },

	'people.intake.channel': { zh: '代录渠道（工作人员代居民填写时选择）', en: 'Entered from (when staff enter it for a resident)' },
	'people.intake.channelHint': {
		zh: '居民没有手机或不便上网时，由工作人员按纸质表、电话或来访代为录入；提交后可打印回执码交给居民。',
		en: 'For residents without a phone or the internet: staff enter the paper form, phone call or visit; the receipt code can then be printed for the resident.'
	},
	'people.intake.online': { zh: '居民本人在线填写', en: 'The resident online' },
	'people.intake.channel.online': { zh: '在线', en: 'Online' },
	'people.intake.channel.paper': { zh: '纸质表', en: 'Paper form' },
	'people.intake.channel.phone': { zh: '电话', en: 'Phone call' },
	'people.intake.channel.visit': { zh: '来访', en: 'Visit' },
	'people.intake.print': { zh: '打印回执码交给居民', en: 'Print the receipt code for the resident' },

	'people.import.title': { zh: '导入纸质需求', en: 'Import needs collected on paper' },
	'people.import.back': { zh: '← 返回需求审核', en: '← Back to moderation' },
	'people.import.intro': {
		zh: '把站点收集的纸质需求表整理成 CSV 或 Excel 表格后一次导入：每一行都按居民在线填写的规则检查，只要有一行有误就全部不导入，并逐行说明原因。导入的需求与在线需求一样等待审核，可打印回执码交给居民。',
		en: 'Put the paper forms a station collected into a CSV or Excel table and import them at once: every row is checked by the rules of the online form, and if one row is wrong nothing is imported and each wrong line is named. Imported needs await moderation like any other; print the receipt codes for the residents.'
	},
	'people.import.columns': {
		zh: '第一行为表头：标题、需求描述、服务领域、区、街道、社区（选填）、受益人群、受益人数（选填）、紧急程度（低/中/高，选填）、联系人、联系电话、同意保存联系方式（是/否）、渠道（纸质表/电话/来访，默认纸质表）。',
		en: 'First row the header: title, description, category, district, street, community (optional), affected_group, affected_count (optional), urgency (low/medium/high, optional), contact_name, contact_phone, consent (yes/no), channel (paper/phone/visit, paper by default); Chinese headers work too.'
	},
	'people.import.file': { zh: 'CSV 或 Excel（.xlsx）文件', en: 'CSV or Excel (.xlsx) file' },
	'people.import.submit': { zh: '检查并导入', en: 'Check and import' },
	'people.import.done': { zh: '已导入 {count} 条需求，等待审核。', en: '{count} needs imported; they await moderation.' },
	'people.import.receipts': { zh: '回执码', en: 'Receipt codes' },
	'people.import.line': { zh: '行号', en: 'Line' },
	'people.import.rowErrors': { zh: '以下各行有误，没有导入任何需求。', en: 'These lines are wrong; nothing was imported.' },
	'people.import.err.empty': { zh: '表格没有数据行。', en: 'The table has no rows.' },
	'people.import.err.header': { zh: '表头缺少这些列：{columns}。', en: 'The header lacks these columns: {columns}.' },
	'people.import.err.tooMany': { zh: '一次最多导入 {max} 行。', en: 'At most {max} rows at once.' },
	'people.import.err.place': { zh: '找不到地点“{place}”（区、街道、社区须与地点库一致）。', en: 'No place “{place}” (district, street and community must match the place registry).' },
	'people.import.err.channel': { zh: '渠道“{value}”应为纸质表、电话或来访。', en: 'Channel “{value}” should be paper, phone or visit.' },
	'people.import.err.category': { zh: '没有服务领域“{value}”。', en: 'No category “{value}”.' },
	'people.import.link': { zh: '导入纸质需求', en: 'Import paper needs' },

	'people.twoFactor.title': { zh: '两步验证', en: 'Two-step verification' },
	'people.twoFactor.intro': {
		zh: '请打开手机上的身份验证器应用，输入显示的 6 位验证码；手机不在身边时可输入一个恢复码。',
		en: 'Open the authenticator app on your phone and enter the 6-digit code it shows; without the phone, enter one of your recovery codes.'
	},
	'people.twoFactor.code': { zh: '验证码', en: 'Code' },
	'people.twoFactor.codeHint': { zh: '6 位数字，或 10 位恢复码。', en: '6 digits, or a 10-character recovery code.' },
	'people.twoFactor.verify': { zh: '验证并登录', en: 'Verify and sign in' },
	'people.twoFactor.setup': { zh: '两步验证设置', en: 'Two-step verification' },
	'people.twoFactor.how': {
		zh: '用身份验证器应用（如微信小程序“腾讯身份验证器”、Google Authenticator、Microsoft Authenticator）扫描二维码，或手动输入下面的密钥，再输入应用显示的 6 位验证码。',
		en: 'Scan the QR code with an authenticator app (Google or Microsoft Authenticator, or any TOTP app), or type in the key below, then enter the 6-digit code it shows.'
	},
	'people.twoFactor.qr': { zh: '身份验证器二维码', en: 'QR code for the authenticator app' },
	'people.twoFactor.keyLabel': { zh: '密钥：', en: 'Key:' },
	'people.twoFactor.enrol': { zh: '开启两步验证', en: 'Turn on two-step verification' },
	'people.twoFactor.enrolled': { zh: '两步验证已开启。', en: 'Two-step verification is on.' },
	'people.twoFactor.recovery': { zh: '恢复码', en: 'Recovery codes' },
	'people.twoFactor.recoveryIntro': {
		zh: '请抄下或打印这些恢复码并妥善保管：手机丢失时，每个恢复码可代替验证码使用一次。它们只显示这一次。',
		en: 'Write down or print these recovery codes and keep them safe: if the phone is lost, each works once instead of a code. They are shown only this once.'
	},
	'people.twoFactor.on': { zh: '两步验证已开启，还剩 {left} 个未用的恢复码。', en: 'Two-step verification is on; {left} recovery codes are unused.' },
	'people.twoFactor.remove': { zh: '关闭两步验证', en: 'Turn off two-step verification' },
	'people.twoFactor.requiredNote': {
		zh: '慈善会要求管理员开启两步验证：开启后才能进入管理页面。',
		en: 'The federation requires admins to use two-step verification: turn it on to reach the admin pages.'
	},
	'people.twoFactor.err.code': { zh: '验证码不正确或已过期。', en: 'The code is wrong or has expired.' },
	'people.twoFactor.err.used': {
		zh: '这个验证码已经用过，请等验证器显示下一个验证码后再输入。',
		en: 'This code has been used already; wait for your app to show the next one.'
	},
	'people.twoFactor.err.key': { zh: '密钥无效，请刷新页面重试。', en: 'The key is not valid; reload the page and try again.' },
	'people.twoFactor.err.required': {
		zh: '管理员必须开启两步验证，不能关闭。',
		en: 'Admins must use two-step verification; it cannot be turned off.'
	},
	'people.twoFactor.account': { zh: '两步验证', en: 'Two-step verification' },
	'people.twoFactor.policy': { zh: '要求所有管理员开启两步验证', en: 'Require two-step verification of every admin' },
	'people.twoFactor.policyOn': { zh: '已要求管理员开启两步验证。', en: 'Admins must now use two-step verification.' },
	'people.twoFactor.policyOff': { zh: '已不再强制要求两步验证。', en: 'Two-step verification is no longer required.' },
	'people.twoFactor.policySave': { zh: '保存安全设置', en: 'Save the security setting' },

	'people.questions.title': { zh: '申报答疑', en: 'Questions and answers' },
	'people.questions.stationIntro': {
		zh: '对本轮申报规则有疑问，可在截止前提问；慈善会的答复对所有申报机构和公众公开，不显示提问机构。',
		en: 'Ask about the round’s rules before the deadline; the federation’s answers are public to every applicant and everyone, without who asked.'
	},
	'people.questions.publicIntro': {
		zh: '申报机构在申报期间提出的问题及慈善会的答复，所有申报机构适用同一答复。不显示提问机构。',
		en: 'Questions applicants asked during applications, and the federation’s answers, which hold for every applicant. Who asked is not shown.'
	},
	'people.questions.adminIntro': {
		zh: '答复提交后立即公开（不显示提问机构），可随时修正。',
		en: 'An answer is public as soon as it is saved (without who asked); it can be corrected at any time.'
	},
	'people.questions.publicLink': { zh: '查看公开页', en: 'See the public page' },
	'people.questions.deadline': { zh: '提问截止：{at}（北京时间）', en: 'Questions close at {at} (Beijing time)' },
	'people.questions.deadlineField': { zh: '提问截止时间', en: 'Questions close at' },
	'people.questions.deadlineHint': { zh: '留空则为申报截止时间。', en: 'Leave empty for the application deadline.' },
	'people.questions.deadlineSaved': { zh: '提问截止时间已保存。', en: 'The question deadline is saved.' },
	'people.questions.question': { zh: '问题', en: 'Question' },
	'people.questions.questionHint': { zh: '请只问规则，不要填写个人信息；答复会公开。', en: 'Ask about the rules only, with no personal details: the answer is public.' },
	'people.questions.ask': { zh: '提交问题', en: 'Ask' },
	'people.questions.asked': { zh: '问题已提交，答复后会在本页和公开页显示。', en: 'Your question is in; the answer will show here and on the public page.' },
	'people.questions.waiting': { zh: '本机构待答复的问题', en: 'Your organisation’s questions awaiting an answer' },
	'people.questions.answers': { zh: '已公开的答复', en: 'Published answers' },
	'people.questions.none': { zh: '暂无答复。', en: 'No answers yet.' },
	'people.questions.noRound': { zh: '目前没有正在申报的轮次。', en: 'No round is open for applications.' },
	'people.questions.q': { zh: '问：', en: 'Q: ' },
	'people.questions.a': { zh: '答：', en: 'A: ' },
	'people.questions.answeredAt': { zh: '答复于 {at}', en: 'Answered at {at}' },
	'people.questions.askedBy': { zh: '{org} 于 {at} 提问', en: 'Asked by {org} at {at}' },
	'people.questions.private': { zh: '提问机构不公开', en: 'Asker not published' },
	'people.questions.answer': { zh: '答复', en: 'Answer' },
	'people.questions.correct': { zh: '修正答复', en: 'Correct the answer' },
	'people.questions.publish': { zh: '保存并公开答复', en: 'Save and publish the answer' },
	'people.questions.answered': { zh: '答复已公开。', en: 'The answer is published.' },
	'people.questions.err.closed': { zh: '本轮提问已截止。', en: 'Questions for this round are closed.' },
	'people.questions.err.short': { zh: '请把问题写具体一些。', en: 'Please say more in your question.' },
	'people.questions.nav': { zh: '申报答疑', en: 'Questions' }
} satisfies Messages;

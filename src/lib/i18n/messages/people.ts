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
	}
} satisfies Messages;

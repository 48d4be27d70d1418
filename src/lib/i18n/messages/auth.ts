import type { Messages } from '../types';

export const auth = {
	'login.title': { zh: '工作人员登录', en: 'Staff sign-in' },
	'login.intro': {
		zh: '居民反映需求、查询进度无需登录。此处供慈善会、申报机构和评审专家使用。',
		en: 'Residents do not need an account to report or follow a need. This sign-in is for staff, applicants and reviewers.'
	},
	'login.email': { zh: '电子邮箱', en: 'Email' },
	'login.password': { zh: '密码', en: 'Password' },
	'login.submit': { zh: '登录', en: 'Sign in' },
	'login.failed': { zh: '邮箱或密码不正确。', en: 'Wrong email or password.' },
	'login.throttled': {
		zh: '尝试次数过多，请稍后再试，每次失败后等待时间会加长。在您以前登录过的浏览器中登录不受此限制。',
		en: 'Too many attempts. Please wait and try again; each failure makes the wait longer. Browsers you signed in with before are not held back.'
	},
	'account.title': { zh: '我的账户', en: 'My account' },
	'account.signedInAs': { zh: '当前登录：{name}（{email}）', en: 'Signed in as {name} ({email})' },
	'password.title': { zh: '修改密码', en: 'Change password' },
	'password.current': { zh: '当前密码', en: 'Current password' },
	'password.new': { zh: '新密码', en: 'New password' },
	'password.confirm': { zh: '再次输入新密码', en: 'New password again' },
	'password.hint': {
		zh: '至少 {min} 个字符。修改后，您在其他设备上的登录将被退出。',
		en: 'At least {min} characters. Changing it signs you out everywhere else.'
	},
	'password.wrongCurrent': { zh: '当前密码不正确。', en: 'The current password is wrong.' },
	'password.mismatch': { zh: '两次输入的新密码不一致。', en: 'The two new passwords differ.' },
	'password.changed': {
		zh: '密码已修改，其他设备上的登录已退出。',
		en: 'Password changed; your other sessions have been signed out.'
	},
	'invite.title': { zh: '接受邀请', en: 'Accept invitation' },
	'invite.intro': {
		zh: '您被邀请以「{role}」身份加入「{org}」。请设置姓名和密码。',
		en: 'You are invited to join “{org}” as {role}. Choose your name and a password.'
	},
	'invite.name': { zh: '姓名', en: 'Name' },
	'invite.submit': { zh: '创建账户', en: 'Create account' },
	'invite.unknown': {
		zh: '邀请链接无效。请向管理员索取新的链接。',
		en: 'This invitation link is not valid. Ask an admin for a new one.'
	},
	'invite.used': {
		zh: '此邀请链接已被使用。如您已有账户，请直接登录。',
		en: 'This invitation has already been used. If you have an account, sign in.'
	},
	'invite.expired': {
		zh: '此邀请链接已过期。请向管理员索取新的链接。',
		en: 'This invitation has expired. Ask an admin for a new one.'
	},
	'invite.email_taken': {
		zh: '该邮箱已有账户，请直接登录。',
		en: 'An account with this email already exists; please sign in.'
	}
} satisfies Messages;

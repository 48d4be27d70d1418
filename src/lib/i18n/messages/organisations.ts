import type { Messages } from '../types';

export const organisations = {
	'org.list.title': { zh: '申报机构', en: 'Organisations' },
	'org.list.empty': { zh: '还没有申报机构。', en: 'No organisations yet.' },
	'org.field.name': { zh: '机构名称', en: 'Name' },
	'org.field.kind': { zh: '机构类型', en: 'Kind' },
	'org.field.district': { zh: '所在区', en: 'District' },
	'org.field.staff': { zh: '工作人员账户', en: 'Staff accounts' },
	'org.create.title': { zh: '新增申报机构', en: 'Add an organisation' },
	'org.create.submit': { zh: '新增机构', en: 'Add organisation' },
	'org.create.done': { zh: '已新增机构「{name}」。', en: 'Organisation “{name}” added.' },
	'org.choose': { zh: '请选择', en: 'Please choose' },
	'org.err.nameTaken': {
		zh: '已有同名机构，请换一个名称或使用已有机构。',
		en: 'An organisation with this name already exists; choose another name or use that one.'
	},
	'users.title': { zh: '用户与邀请', en: 'Users and invitations' },
	'users.list.title': { zh: '已有账户', en: 'Accounts' },
	'users.field.email': { zh: '电子邮箱', en: 'Email' },
	'users.field.name': { zh: '姓名', en: 'Name' },
	'users.field.role': { zh: '角色', en: 'Role' },
	'users.field.organisation': { zh: '所属机构', en: 'Organisation' },
	'users.field.created': { zh: '创建时间', en: 'Created' },
	'users.disabled': { zh: '已停用', en: 'Disabled' },
	'users.pending.title': { zh: '待接受的邀请', en: 'Pending invitations' },
	'users.pending.expires': { zh: '有效期至', en: 'Expires' },
	'users.invite.title': { zh: '邀请新用户', en: 'Invite someone' },
	'users.invite.intro': {
		zh: '系统会生成一个一次性邀请链接，有效期 7 天。请通过微信或邮件发给对方，对方打开链接后自行设置密码。',
		en: 'This makes a single-use invitation link valid for 7 days. Send it by WeChat or email; the person opens it and chooses a password.'
	},
	'users.invite.orgHint': {
		zh: '角色为「申报主体」时必填。',
		en: 'Required when the role is Applicant.'
	},
	'users.invite.submit': { zh: '生成邀请链接', en: 'Create invitation link' },
	'users.invite.created': {
		zh: '已为 {email} 生成邀请链接。此链接只显示这一次，请现在复制并发送给对方。',
		en: 'Invitation link created for {email}. It is shown only this once: copy it and send it now.'
	},
	'users.invite.link': { zh: '邀请链接', en: 'Invitation link' },
	'users.invite.expiresAt': { zh: '链接有效期至 {at}（北京时间）', en: 'The link expires at {at} (Beijing time)' },
	'users.invite.copy': { zh: '复制链接', en: 'Copy link' },
	'users.invite.copied': { zh: '已复制', en: 'Copied' },
	'users.err.emailTaken': {
		zh: '该邮箱已有账户，无需再次邀请。',
		en: 'This email already has an account; no invitation is needed.'
	},
	'users.err.orgRequired': {
		zh: '申报主体账户必须选择所属机构。',
		en: 'An applicant account needs an organisation.'
	},
	'invite.role': { zh: '角色', en: 'Role' },
	'invite.organisation': { zh: '机构', en: 'Organisation' },
	'invite.passwordConfirm': { zh: '再次输入密码', en: 'Password again' },
	'invite.passwordHint': { zh: '至少 {min} 个字符。', en: 'At least {min} characters.' },
	'invite.signedInNote': {
		zh: '您当前已登录为 {name}。创建新账户后，将以新账户登录。',
		en: 'You are signed in as {name}. Creating this account signs you in with it instead.'
	},
	'org.profile.title': { zh: '机构信息', en: 'Organisation profile' },
	'org.field.registrationNo': { zh: '统一社会信用代码 / 登记证号', en: 'Registration number' },
	'org.field.street': { zh: '所在街道（镇）', en: 'Street or town' },
	'org.field.communities': { zh: '服务社区', en: 'Communities served' },
	'org.communitiesHint': { zh: '每行一个社区。', en: 'One community per line.' },
	'org.field.contactName': { zh: '联系人', en: 'Contact person' },
	'org.field.contactPhone': { zh: '联系电话', en: 'Contact phone' },
	'org.field.introduction': { zh: '机构简介', en: 'Introduction' },
	'org.profile.edit': { zh: '编辑机构信息', en: 'Edit the profile' },
	'org.profile.saved': { zh: '机构信息已保存。', en: 'Profile saved.' },
	'org.err.phone': { zh: '请填写有效的电话号码。', en: 'Enter a valid phone number.' },
	'users.invite.replaced': {
		zh: '此邮箱之前的邀请链接已作废，请只发送这一条新链接。',
		en: 'The earlier invitation link for this email no longer works; send only this new one.'
	}
} satisfies Messages;

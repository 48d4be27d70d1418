import { z } from 'zod';
import { text } from './text';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export const INVITE_ROLES = ['station', 'reviewer', 'fund_admin', 'admin'] as const;

const email = z.string().trim().min(1, 'err.required').max(254).email('err.email');

/** Signing in: the email and the password as typed. */
export const signInSchema = z.object({
	email,
	password: z.string().min(1, 'err.required').max(PASSWORD_MAX)
});

/** Changing one's own password: the current one, and the new one typed twice. */
export const passwordChangeSchema = z
	.object({
		current: z.string().min(1, 'err.required').max(PASSWORD_MAX),
		password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
		confirm: z.string()
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'password.mismatch' });

const optionalId = z
	.string()
	.trim()
	.regex(/^\d{0,12}$/, 'err.choice')
	.transform((v) => (v ? Number(v) : null));

/**
 * An admin inviting someone: who, in which role, for which organisation (a station's; for a fund
 * admin, optionally the station that operates the fund) and which fund (fund admins only).
 */
export const invitationSchema = z
	.object({
		email,
		name: text(60),
		role: z.enum(INVITE_ROLES),
		organisationId: optionalId,
		fundId: optionalId.optional().transform((v) => v ?? null)
	})
	.superRefine((v, ctx) => {
		if (v.role === 'station' && v.organisationId === null) {
			ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'users.err.orgRequired' });
		}
		if (v.role === 'fund_admin' && v.fundId === null) {
			ctx.addIssue({ code: 'custom', path: ['fundId'], message: 'fundAdmin.err.fundRequired' });
		}
	});

/** Accepting an invitation: the person's name and a password, typed twice. Passwords are kept as typed. */
export const acceptInvitationSchema = z
	.object({
		name: text(60),
		password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
		confirm: z.string()
	})
	.superRefine((v, ctx) => {
		if (v.password !== v.confirm) {
			ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'password.mismatch' });
		}
	});

const id = z.string().trim().regex(/^\d{1,12}$/, 'err.choice').transform(Number);

/** An admin changing an account (disable, enable, leave an organisation): which, and why. */
export const accountChangeSchema = z.object({ userId: id, reason: text(200) });

/** An admin acting on an account without a reason to give (issuing a reset link). */
export const accountSchema = z.object({ userId: id });

/** An admin revoking a pending invitation. */
export const invitationIdSchema = z.object({ id: z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, 'err.choice') });

/** Setting a new password with a reset link: typed twice. */
export const passwordResetSchema = z
	.object({ password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX), confirm: z.string() })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'password.mismatch' });

/** A resident's receipt code, as an admin types it from their slip. */
const receiptCode = z.string().trim().min(1, 'err.required').max(40);

/** An admin looking up what is kept under a receipt code. */
export const privacyLookupSchema = z.object({ code: receiptCode });

/** An admin erasing a resident's contact at their request: the code, and how the request was checked. */
export const privacyEraseSchema = z.object({ code: receiptCode, reason: text(200) });

/** The retention period: whole months after a round closes. */
export const retentionSchema = z.object({
	months: z.string().trim().regex(/^\d{1,3}$/, 'err.integer').transform(Number).pipe(z.number().int().min(1, 'people.privacy.monthsRange').max(120, 'people.privacy.monthsRange'))
});

/** A second-factor code: six digits from the app, or a recovery code. */
export const secondFactorSchema = z.object({ code: z.string().trim().min(1, 'err.required').max(40) });

/** Enrolling: the key shown (sent back with the form) and the app's current code for it. */
export const totpEnrolSchema = z.object({ key: z.string().trim().min(16).max(64), code: z.string().trim().min(1, 'err.required').max(10) });

/** A station's question about a round's rules. */
export const questionSchema = z.object({
	roundId: z.string().trim().regex(/^\d{1,12}$/, 'err.choice').transform(Number),
	question: text(1000, { multiline: true, min: { length: 5, message: 'people.questions.err.short' } })
});

/** An admin's answer to a question (published as it is). */
export const answerSchema = z.object({
	questionId: z.string().trim().regex(/^\d{1,12}$/, 'err.choice').transform(Number),
	answer: text(2000, { multiline: true })
});

/** A round's question deadline, as typed in the round's time zone (empty: the application deadline). */
export const questionDeadlineSchema = z.object({ closesAt: z.string().trim().max(20) });

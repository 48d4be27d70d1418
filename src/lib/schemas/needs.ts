import { z } from 'zod';
import { URGENCIES } from '../domain/catalogue';
import { optionalText, text } from './form';
import { asciiNumber, parseWhole } from '../domain/numbers';
import { placeIdOf } from './places';

/** A required choice from a fixed list: blank says "required", anything else off the list "choose". */
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.string().trim().min(1, 'err.required').pipe(z.enum(values));

// Mainland mobile (optionally +86), or a landline with or without its area code and extension.
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:0\d{2,3})?[2-9]\d{6,7}(?:(?:ext|x|转)\d{1,5})?$/;

/** Whether text reads as a mainland phone number; spaces, dashes and brackets are ignored. */
export function isMainlandPhone(value: string): boolean {
	const compact = value.replace(/[\s\-()（）]/g, '');
	return MOBILE.test(compact) || LANDLINE.test(compact);
}

export const NEED_LIMITS = {
	title: 80,
	description: 2000,
	street: 40,
	category: 40,
	affectedGroup: 100,
	contactName: 40,
	contactPhone: 30,
	declineReason: 500
} as const;

/** How many people are affected: optional, a whole number from 1 to 1,000,000. */
const affectedCount = z
	.string()
	.optional()
	.transform((v, ctx) => {
		if (!v || !v.trim()) return null;
		const n = parseWhole(v);
		if (n === null) {
			ctx.addIssue({ code: 'custom', message: 'err.integer' });
			return z.NEVER;
		}
		if (n < 1 || n > 1_000_000) {
			ctx.addIssue({ code: 'custom', message: 'needs.err.count' });
			return z.NEVER;
		}
		return n;
	});

/** A place chosen from a list: a blank required choice says "required", nonsense "choose". */
const placeId = (required: boolean) =>
	z
		.string()
		.optional()
		.transform((v, ctx) => {
			if (!v || !v.trim()) {
				if (required) ctx.addIssue({ code: 'custom', message: 'err.required' });
				return null;
			}
			const id = placeIdOf(v);
			if (id === null) ctx.addIssue({ code: 'custom', message: 'err.choice' });
			return id;
		});

/** The resident's report form. The contact is optional, but giving one needs consent. */
export const needSchema = z
	.object({
		title: text(NEED_LIMITS.title),
		description: text(NEED_LIMITS.description, { multiline: true }),
		// Checked against the stored categories and places by reportNeed.
		category: z.string().trim().min(1, 'err.required').max(NEED_LIMITS.category),
		district_id: placeId(true),
		street_id: placeId(true),
		community_id: placeId(false),
		affected_group: text(NEED_LIMITS.affectedGroup),
		affected_count: affectedCount,
		urgency: choice(URGENCIES),
		contact_name: optionalText(NEED_LIMITS.contactName),
		// Full-width digits from an IME are stored as the ASCII digits they are.
		contact_phone: optionalText(NEED_LIMITS.contactPhone)
			.transform((v) => (v === null ? null : asciiNumber(v)))
			.refine((v) => v === null || isMainlandPhone(v), 'err.phone'),
		consent: z.string().optional()
	})
	.superRefine(
		(v, ctx) => {
			const hasContact = !!(v.contact_name || v.contact_phone);
			if (hasContact && v.consent !== 'on') {
				ctx.addIssue({ code: 'custom', path: ['consent'], message: 'needs.err.consent' });
			}
		},
		// Also when other fields failed (values may then be untransformed), so the resident sees
		// every problem at once.
		{ when: () => true }
	)
	.transform(({ consent: _consent, ...need }) => need);

export type NeedInput = z.output<typeof needSchema>;

/** The form's fields that are typed back into the form after an error (all of them). */
export const NEED_FIELDS = [
	'title',
	'description',
	'category',
	'district_id',
	'street_id',
	'community_id',
	'affected_group',
	'affected_count',
	'urgency',
	'contact_name',
	'contact_phone',
	'consent',
	'channel',
	'submission_key'
] as const;

/** The channels by which staff enter a need for a resident (online is the resident's own form). */
export const STAFF_CHANNELS = ['paper', 'phone', 'visit'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

export function isStaffChannel(value: unknown): value is StaffChannel {
	return typeof value === 'string' && (STAFF_CHANNELS as readonly string[]).includes(value);
}

export { submissionKeyOf } from './form';

export const declineSchema = z.object({
	id: z.coerce.number().int().positive(),
	reason: text(NEED_LIMITS.declineReason, { multiline: true })
});

export { NEED_STATUSES } from '../domain/need-status';

const needId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Publishing one need, optionally with personal details edited out of its public text. */
export const publishEditSchema = z.object({
	id: needId,
	title: text(NEED_LIMITS.title),
	description: text(NEED_LIMITS.description, { multiline: true }),
	affected_group: text(NEED_LIMITS.affectedGroup)
});

/** Merging a need into another as a duplicate; the target is given by its number. */
export const mergeSchema = z
	.object({
		id: needId,
		target: z
			.string()
			.trim()
			.min(1, 'err.required')
			.transform((v) => asciiNumber(v).replace(/^#/, ''))
			.pipe(z.string().regex(/^\d{1,12}$/, 'err.integer'))
			.transform(Number)
	})
	.refine((v) => v.id !== v.target, { path: ['target'], message: 'needs.err.mergeSelf' });

/** Carrying a finished round's unanswered needs into another round. */
export const rolloverSchema = z.object({
	target_round: z.coerce.number({ message: 'err.required' }).int().positive()
});

/** What the public board can show: needs by how proposals have answered them. */
export const BOARD_STATUSES = ['open', 'answered', 'funded'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];
export const BOARD_SORTS = ['newest', 'support'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
export const SEARCH_MAX = 50;

/** An admin's new or renamed category. */
export const categorySchema = z.object({
	key: z
		.string()
		.trim()
		.toLowerCase()
		.min(1, 'err.required')
		.max(30)
		.regex(/^[a-z][a-z0-9_]*$/, 'categories.err.key'),
	name_zh: text(20),
	name_en: text(40)
});

import { z } from 'zod';
import { TIE_RULES } from '../domain/funding-line';
import { MONEY_MAX_FEN, formatFen, yuanToFen } from '../domain/money';
import { parseDecimal } from '../domain/numbers';
import { moneyFen, wholeNumber } from './form';
import { text, textOrEmpty } from './text';

export const NOTICE_DAYS_MAX = 30;
export const DECISION_REASON_MAX = 500;
export const OBJECTION_REASON_MIN = 10;
export const OBJECTION_REASON_MAX = 2000;
export const RESPONSE_MAX = 2000;

const recordId = z.string().trim().regex(/^\d{1,12}$/, 'err.choice').transform(Number);

/** "越秀区,100000" per line → { 越秀区: 10000000 } (fen); a wrong line is a field error. */
const districtCaps = textOrEmpty(2000, { multiline: true })
	.optional()
	.transform((value, ctx) => {
		const caps: Record<string, number> = {};
		for (const line of (value ?? '').split('\n').map((l) => l.trim()).filter(Boolean)) {
			const m = /^([^,，]{1,30})[,，]\s*(\S+)$/.exec(line);
			const fen = m ? yuanToFen(m[2]) : null;
			if (!m || fen === null) {
				ctx.addIssue({ code: 'custom', message: 'results.err.capFormat' });
				return z.NEVER;
			}
			if (fen > MONEY_MAX_FEN) {
				ctx.addIssue({ code: 'custom', message: 'err.moneyMax', params: { max: formatFen(MONEY_MAX_FEN) } });
				return z.NEVER;
			}
			caps[m[1].trim()] = fen;
		}
		return caps;
	});

/** A minimum score from 0 to 100, with up to two decimals; blank is none. */
const minScore = z
	.string()
	.optional()
	.transform((v, ctx) => {
		if (!v || !v.trim()) return null;
		const n = parseDecimal(v, 2);
		if (n === null || n > 100) {
			ctx.addIssue({ code: 'custom', message: 'err.invalid' });
			return z.NEVER;
		}
		return n;
	});

/** The admin's funding-line actions. */
export const lineSchemas = {
	settings: z.object({
		tieRule: z.enum(TIE_RULES),
		minScore,
		caps: districtCaps,
		noticeDays: wholeNumber(1, NOTICE_DAYS_MAX)
	}),
	reduce: z.object({ proposalId: recordId, award: moneyFen, reason: text(DECISION_REASON_MAX, { multiline: true }) }),
	reduceClear: z.object({ proposalId: recordId }),
	override: z.object({ proposalId: recordId, kind: z.enum(['fund', 'exclude']), reason: text(DECISION_REASON_MAX, { multiline: true }) }),
	overrideClear: z.object({ proposalId: recordId }),
	/** A corrected version of the published list, with its public reason. */
	correct: z.object({ reason: text(DECISION_REASON_MAX, { multiline: true }) })
};

/** An objection to a project on the public notice: the project, a specific reason, a name and contact. */
export const objectionSchema = z.object({
	proposalId: recordId,
	reason: text(OBJECTION_REASON_MAX, { multiline: true, min: { length: OBJECTION_REASON_MIN, message: 'results.err.reasonShort' } }),
	name: text(50),
	contact: text(100),
	// The objector agrees to their name and contact being kept (privately) until the retention ends.
	consent: z.literal('on', 'people.err.consent'),
	submission_key: z.string().trim().max(64).optional()
});

/** An admin's public answer to an objection. */
export const objectionAnswerSchema = z.object({
	objectionId: recordId,
	outcome: z.enum(['upheld', 'dismissed']),
	effect: z.enum(['exclude', 'none']).default('none'),
	response: text(RESPONSE_MAX, { multiline: true })
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { FREE_TEXT, cleanText, isBlank } from './text';

interface FoundField {
	path: string;
	schema: z.ZodType;
	multiline: boolean;
	required: boolean;
}

/**
 * Every field of every zod schema the forms use (each module of this folder), walked down to its
 * strings: those built by the free-text helpers, and the strings that are not (`unchecked`).
 */
function freeTextFields(): FoundField[] & { unchecked: string[] } {
	const modules = import.meta.glob(['./*.ts', '!./*.spec.ts'], { eager: true }) as Record<string, Record<string, unknown>>;
	const found: FoundField[] = [];
	const unchecked = new Set<string>();
	const seen = new Set<unknown>();
	const walk = (schema: z.ZodType, path: string) => {
		const meta = FREE_TEXT.get(schema);
		if (meta) {
			if (!seen.has(schema)) found.push({ path, schema, ...meta });
			seen.add(schema);
			return;
		}
		const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
		switch (def.type) {
			case 'object':
				for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) walk(field, `${path}.${key}`);
				break;
			case 'pipe':
				walk(def.in as z.ZodType, path);
				walk(def.out as z.ZodType, path);
				break;
			case 'optional':
			case 'nullable':
			case 'default':
			case 'prefault':
			case 'catch':
			case 'readonly':
			case 'nonoptional':
				walk(def.innerType as z.ZodType, path);
				break;
			case 'array':
				walk(def.element as z.ZodType, `${path}[]`);
				break;
			case 'record':
				walk(def.valueType as z.ZodType, `${path}{}`);
				break;
			case 'string':
				unchecked.add(path);
				break;
		}
	};
	for (const [file, exports] of Object.entries(modules)) {
		for (const [name, value] of Object.entries(exports)) {
			const at = `${file.replace(/^\.\/|\.ts$/g, '')}:${name}`;
			if (value instanceof z.ZodType) walk(value, at);
			// A form's actions, each with its schema ({ save: z.object(…), … }).
			else if (value && typeof value === 'object') {
				for (const [action, schema] of Object.entries(value)) if (schema instanceof z.ZodType) walk(schema, `${at}.${action}`);
			}
		}
	}
	return Object.assign(found, { unchecked: [...unchecked] });
}

describe('cleanText', () => {
	it('composes to NFC and trims', () => {
		expect(cleanText('  Cafe\u0301 ', { multiline: false })).toBe('Café');
	});

	it('drops bidi embeddings, overrides and isolates, which reorder the page around them', () => {
		expect(cleanText('独居长者\u202e（约 30 人）', { multiline: false })).toBe('独居长者（约 30 人）');
		const all = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
		expect(cleanText(`a${all}b`, { multiline: true })).toBe('ab');
	});

	it('drops C0 and C1 controls, keeping newline and tab only in multi-line text', () => {
		expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg', { multiline: true })).toBe('abcdefg');
		expect(cleanText('第一行\r\n\t第二行\r第三行', { multiline: true })).toBe('第一行\n\t第二行\n第三行');
		expect(cleanText('第一行\r\n第二行\t完', { multiline: false })).toBe('第一行 第二行 完');
	});

	it('keeps zero-width characters in the text, so joined emoji stay whole', () => {
		const family = '👨\u200d👩\u200d👧';
		expect(cleanText(`全家 ${family}`, { multiline: false })).toBe(`全家 ${family}`);
		expect(cleanText('a\u200bb', { multiline: false })).toBe('a\u200bb');
	});
});

describe('isBlank', () => {
	it('sees text made only of white space and zero-width characters as empty', () => {
		for (const blank of ['', ' ', '\u3000', '\u200b', '\u200b\u200c\u200d\u2060\ufeff', ' \u200b\n\t\u00a0']) {
			expect(isBlank(blank), JSON.stringify(blank)).toBe(true);
		}
		expect(isBlank('\u200b长\u200b')).toBe(false);
		expect(isBlank('👨\u200d👩')).toBe(false);
	});
});

/** What the outside test typed: controls, bidi controls, zero-width and odd spaces, among ordinary text. */
const HOSTILE = [
	'\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f',
	'\t', '\n', '\r', '\r\n', '\u2028', '\u2029',
	'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f',
	'\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00a0', '\u3000', ' ',
	'e\u0301', 'A\u030a', '👨\u200d👩\u200d👧', 'مسنين', 'שלום', '长者', '（约 30 人）', 'a', '1', '<', '"', '&'
];
const hostileText = fc.array(fc.constantFrom(...HOSTILE), { maxLength: 40 }).map((parts) => parts.join(''));
const blankText = fc
	.array(fc.constantFrom(' ', '\t', '\n', '\u3000', '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202e', '\u0000'), {
		minLength: 1,
		maxLength: 12
	})
	.map((parts) => parts.join(''));

const FORBIDDEN_ALWAYS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\r\u202a-\u202e\u2066-\u2069]/;
const FORBIDDEN_SINGLE_LINE = /[\t\n\u2028\u2029]/;

describe('every free-text field of every form', () => {
	const fields = freeTextFields();

	it('is found through the forms’ schemas (and counted, so none slips out of the sweep)', () => {
		expect(fields.length).toBe(FREE_TEXT_FIELD_COUNT);
		// Every other string a form takes is a structured value: its name must be on the list below.
		const named = (path: string) => path.replace(/\[\]|\{\}/g, '').split(/[.:]/).pop()!;
		expect(fields.unchecked.filter((path) => !STRUCTURED_FIELDS.includes(named(path)))).toEqual([]);
		expect(fields.unchecked.length).toBe(STRUCTURED_FIELD_COUNT);
	});

	it.each(fields.map((f) => [f.path, f] as const))('%s stores only clean text', (_path, field) => {
		fc.assert(
			fc.property(hostileText, (raw) => {
				const parsed = (field.schema as z.ZodType).safeParse(raw);
				if (!parsed.success) return;
				const out = parsed.data;
				if (out === null || out === undefined) return;
				if (typeof out !== 'string') throw new Error(`${field.path} gave ${typeof out}`);
				expect(out).toBe(out.normalize('NFC'));
				expect(out).not.toMatch(FORBIDDEN_ALWAYS);
				if (!field.multiline) expect(out).not.toMatch(FORBIDDEN_SINGLE_LINE);
				if (field.required) expect(isBlank(out)).toBe(false);
			}),
			{ numRuns: 60, seed: 1029 }
		);
	});

	it.each(fields.filter((f) => f.required).map((f) => [f.path, f] as const))('%s refuses text that is only blank and invisible', (_path, field) => {
		fc.assert(
			fc.property(blankText, (raw) => {
				const parsed = (field.schema as z.ZodType).safeParse(raw);
				expect(parsed.success).toBe(false);
			}),
			{ numRuns: 30, seed: 1130 }
		);
	});

	it.each(fields.map((f) => [f.path, f] as const))('%s keeps joined emoji and ordinary text as typed', (_path, field) => {
		const typed = '独居长者 Café 👨\u200d👩\u200d👧';
		const parsed = (field.schema as z.ZodType).safeParse(typed);
		// A field may refuse what breaks its own rule (a phone number), never call it empty or change it.
		if (parsed.success) expect(parsed.data).toBe(typed);
		else expect(parsed.error.issues.map((i) => i.message)).not.toContain('err.required');
	});
});

/** How many free-text fields the forms have; a new one raises it, and must pass the sweep. */
const FREE_TEXT_FIELD_COUNT = 91;

/**
 * Strings that are not free text, by field name: choices, ids, numbers and amounts (read by the
 * number parser), dates, e-mail addresses, passwords, keys. Each is checked by its own rule.
 */
const STRUCTURED_FIELDS = [
	// ids and keys
	'assignmentId', 'community_id', 'conflictId', 'district_id', 'id', 'key', 'needs', 'objectionId', 'organisationId',
	'proposalId', 'reviewerId', 'street_id', 'submission_key', 'templateId', 'versionSchema', 'slug', 'registrationNo',
	// choices
	'category', 'consent', 'urgency', 'timeZone',
	// numbers and amounts
	'adminMaxPct', 'affected_count', 'award', 'beneficiaries', 'grantMax', 'grantMin', 'matchingCash', 'matchingMinPct',
	'minScore', 'moneyFen', 'noticeDays', 'personnelMaxPct', 'pool', 'price', 'proposalsPerOrg', 'quantity',
	'reviewersPerProposal', 'scaleMax', 'target', 'volunteerHours', 'volunteerRate', 'weight', 'year', 'contactPhone',
	// dates and months
	'applications_at', 'closed_at', 'decision_at', 'eligibility_at', 'implementation_at', 'needs_call_at', 'notice_at',
	'review_at', 'revisionDueAt', 'start', 'end',
	// a year's days off and weekend days worked, read by the holiday arrangement's reader; its confirmation
	'holidays', 'makeupWorkdays', 'departs',
	// accounts (the current password too: passwords are kept as typed)
	'email', 'password', 'confirm', 'current',
	// the audit log's filter in the URL: names of actions and entities, matched exactly, never stored
	'action', 'entity', 'entityId',
	// the raw cells of a budget, activity or indicator row, before each is read by its own rule
	'lines', 'activities', 'indicators',
	// a funded project's agreement, payments and closing: ids, amounts, days
	'trancheId', 'entryId', 'amount', 'returnDue', 'signedOn', 'paidOn', 'closedOn', 'returnedOn',
	// people and their data: accounts, rounds and questions by id, a receipt or one-time code, the retention months
	'userId', 'roundId', 'questionId', 'code', 'months', 'closesAt',
	// a project report: its version, counts and amounts spent
	'version', 'sessions', 'visits', 'actual', 'volunteers',
	// funds: a street or a fund chosen, days, a donor's consent
	'streetId', 'fundId', 'receivedOn', 'allocatedOn', 'donorConsent',
	// budget changes: the two lines by position, the change decided
	'fromLine', 'toLine', 'changeId',
	// report photos and receipts: a file by id, two checkboxes
	'fileId', 'showsMinors', 'guardianConsent',
	// an evaluation: the evaluator chosen, a whole 0–10 score per criterion
	'evaluatorId', 'score_goals', 'score_feedback', 'score_budget', 'score_documentation', 'score_sustainability',
	// four eyes on money: a request decided
	'requestId',
	// fund admins: the fund that runs a new round
	'runBy'
];
const STRUCTURED_FIELD_COUNT = 148;

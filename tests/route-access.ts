/**
 * Who each page, form action and endpoint is for, and a real URL of it in the test world
 * (tests/fixtures/world.ts). The access sweep (tests/e2e/access.e2e.ts) and the accessibility
 * sweep (tests/e2e/a11y.e2e.ts) walk the route tree (tests/route-tree.ts) through this table, and
 * tests/route-access.spec.ts fails as soon as a route exists that is not classified here, or an
 * entry here names a route that no longer exists.
 */
import type { AccountKey } from './fixtures/accounts';
import type { WorldIds } from './fixtures/world';
import type { RouteTree } from './route-tree';
import { SEEDED_YEARS } from '../migrations/2026_11_29_0250_work_calendar';
import { dayListText } from '../src/lib/domain/holiday-arrangement';
import { TEST_CALENDAR_SOURCE } from './helpers/db';

/**
 * - `public`: anyone, signed in or not (residents have no account);
 * - `signed-in`: any account; anonymous visitors are sent to sign in;
 * - a role: that role only; anonymous visitors are sent to sign in, other roles get 403.
 */
export type Audience = 'public' | 'signed-in' | 'admin' | 'station' | 'reviewer';

/** The account that acts for each role in the sweeps. */
export const ACTOR: Record<'admin' | 'fund_admin' | 'station' | 'reviewer', AccountKey> = {
	admin: 'admin',
	fund_admin: 'fundAdmin',
	station: 'stationA',
	reviewer: 'reviewer1'
};

/**
 * How a fund admin (role 'fund_admin', ACTOR.fund_admin) meets a route, decided by the route alone:
 * - `round`: a round's admin pages (every one passes requireRoundAccess): refused (404) on the
 *   world's rounds, which the federation or another fund runs, and opened on its own fund's round;
 * - `list`: the list of rounds, which shows its own fund's rounds only;
 * - `refused`: every other page of admins, stations or reviewers (the federation's pages: people,
 *   organisations, places, categories, funds, outbox, audit, privacy, calendar, proposals,
 *   reviewers, new rounds): 403, as for any other role the route is not for.
 */
export function fundAdminScope(routeId: string): 'round' | 'list' | 'refused' {
	if (routeId.startsWith('/admin/rounds/[id]')) return 'round';
	return routeId === '/admin/rounds' ? 'list' : 'refused';
}

/**
 * The same page or endpoint of the fund admin's own round (the world's fundRoundId), for those
 * that need no record beyond the round; null for a proposal's or a project's pages (the world's
 * street round has no proposals: tests/e2e/fund-admin.e2e.ts runs one through them).
 */
export function ownRoundUrl(routeId: string, w: WorldIds): string | null {
	if (fundAdminScope(routeId) !== 'round' || routeId.includes('[proposalId]')) return null;
	return routeId.replace('[id]', String(w.fundRoundId));
}

export interface PageRule {
	audience: Audience;
	/** The URL of a real record the audience may open. */
	url: (w: WorldIds) => string;
	/** What the audience gets: a page, or a redirect (a look-up, a sign-in page for the signed in). */
	status?: 200 | 303;
	/** Accounts of the right role that must still be refused: the record is not theirs (403 or 404). */
	outsiders?: AccountKey[];
	/** Other records whose page looks different (another phase, a read-only view), for the axe sweep. */
	more?: (w: WorldIds) => string[];
}

const seeded2026 = SEEDED_YEARS.find((y) => y.year === 2026)!;

/** The calendar page previewing a year (a GET of its form). */
function calendarPreview(year: number, holidays: string): string {
	const query = new URLSearchParams({
		year: String(year),
		source: seeded2026.source,
		holidays,
		makeupWorkdays: dayListText(seeded2026.makeupWorkdays),
		reason: '核对',
		preview: '1'
	});
	return `/admin/calendar?${query}`;
}

/** A year no notice of the world reaches, whatever year the tests run in. */
const FAR_YEAR = Math.max(2031, new Date().getUTCFullYear() + 4);

export const PAGES: Record<string, PageRule> = {
	'/': { audience: 'public', url: () => '/' },
	'/login': { audience: 'public', url: () => '/login' },
	// Only for a session whose second factor is still to be checked: anyone else is sent on.
	'/login/two-factor': { audience: 'public', url: () => '/login/two-factor', status: 303 },
	'/invite/[token]': { audience: 'public', url: (w) => `/invite/${w.invitationToken}` },
	'/reset/[token]': { audience: 'public', url: (w) => `/reset/${w.resetToken}` },
	'/track': { audience: 'public', url: (w) => `/track?code=${w.receiptCode}`, status: 303 },
	'/track/[code]': { audience: 'public', url: (w) => `/track/${w.receiptCode}` },
	'/needs/[id]': { audience: 'public', url: (w) => `/needs/${w.needId}` },
	'/projects/[id]': { audience: 'public', url: (w) => `/projects/${w.project}` },
	'/rounds/[slug]': {
		audience: 'public',
		url: (w) => `/rounds/${w.noticeSlug}`,
		more: (w) => [w.callSlug, w.applySlug, w.roundSlug, w.resultsSlug].map((slug) => `/rounds/${slug}`)
	},
	'/rounds/[slug]/needs': { audience: 'public', url: (w) => `/rounds/${w.callSlug}/needs` },
	'/rounds/[slug]/needs/new': { audience: 'public', url: (w) => `/rounds/${w.callSlug}/needs/new` },
	'/rounds/[slug]/notice': {
		audience: 'public',
		url: (w) => `/rounds/${w.noticeSlug}/notice`,
		more: (w) => [`/rounds/${w.resultsSlug}/notice`]
	},
	'/rounds/[slug]/results': { audience: 'public', url: (w) => `/rounds/${w.resultsSlug}/results` },
	'/rounds/[slug]/stats': { audience: 'public', url: (w) => `/rounds/${w.resultsSlug}/stats` },
	// Public like the fund's disclosure: the funded projects' public facts as of a day.
	'/rounds/[slug]/disclosure': { audience: 'public', url: (w) => `/rounds/${w.resultsSlug}/disclosure` },
	'/rounds/[slug]/questions': { audience: 'public', url: (w) => `/rounds/${w.applySlug}/questions` },
	'/funds': { audience: 'public', url: () => '/funds' },
	'/funds/[id]': { audience: 'public', url: (w) => `/funds/${w.fundId}` },
	'/funds/[id]/disclosure': { audience: 'public', url: (w) => `/funds/${w.fundId}/disclosure` },

	'/account': { audience: 'signed-in', url: () => '/account' },
	'/inbox': { audience: 'signed-in', url: () => '/inbox' },
	'/account/two-factor': { audience: 'signed-in', url: () => '/account/two-factor' },

	'/station': { audience: 'station', url: () => '/station' },
	'/station/organisation': { audience: 'station', url: () => '/station/organisation' },
	'/station/questions': { audience: 'station', url: () => '/station/questions' },
	'/station/proposals/new': { audience: 'station', url: (w) => `/station/proposals/new?round=${w.applySlug}` },
	'/station/proposals/[id]': {
		audience: 'station',
		url: (w) => `/station/proposals/${w.draftProposal}`,
		outsiders: ['stationB'],
		more: (w) => [`/station/proposals/${w.proposalA}`, `/station/proposals/${w.project}`]
	},
	// Station A's reports on its funded project (no agreement in the world: the page says so).
	'/station/proposals/[id]/reports/[kind]': {
		audience: 'station',
		url: (w) => `/station/proposals/${w.project}/reports/midterm`,
		outsiders: ['stationB'],
		more: (w) => [`/station/proposals/${w.project}/reports/final`]
	},
	// Station A's budget changes on its funded project (no agreement in the world: the page says so).
	'/station/proposals/[id]/budget': {
		audience: 'station',
		url: (w) => `/station/proposals/${w.project}/budget`,
		outsiders: ['stationB']
	},
	// Its report's photos and receipts.
	'/station/proposals/[id]/reports/[kind]/files': {
		audience: 'station',
		url: (w) => `/station/proposals/${w.project}/reports/midterm/files`,
		outsiders: ['stationB']
	},
	// The award letter of station A's funded project in the confirmed round.
	'/station/proposals/[id]/letter': {
		audience: 'station',
		url: (w) => `/station/proposals/${w.project}/letter`,
		outsiders: ['stationB']
	},

	'/review': { audience: 'reviewer', url: () => '/review' },
	'/review/evaluations': { audience: 'reviewer', url: () => '/review/evaluations' },
	// Reviewer 1's evaluation of the results round's evaluated project: nobody else's.
	'/review/evaluations/[id]': {
		audience: 'reviewer',
		url: (w) => `/review/evaluations/${w.evaluationReviewer1}`,
		outsiders: ['reviewer2', 'reviewer3']
	},
	'/review/assignments/[id]': {
		audience: 'reviewer',
		url: (w) => `/review/assignments/${w.assignmentReviewer1}`,
		outsiders: ['reviewer2', 'reviewer3']
	},

	'/admin': { audience: 'admin', url: () => '/admin' },
	'/admin/outbox': { audience: 'admin', url: () => '/admin/outbox' },
	'/admin/audit': { audience: 'admin', url: () => '/admin/audit' },
	'/admin/calendar': {
		audience: 'admin',
		url: () => '/admin/calendar',
		// The preview of a replacement (2026 as recorded), and of a list that cannot be read.
		more: () => [calendarPreview(2026, dayListText(seeded2026.holidays)), calendarPreview(2026, '2026-13-01')]
	},
	'/admin/categories': { audience: 'admin', url: () => '/admin/categories' },
	'/admin/organisations': { audience: 'admin', url: () => '/admin/organisations' },
	'/admin/organisations/[id]': { audience: 'admin', url: (w) => `/admin/organisations/${w.organisationA}` },
	'/admin/places': { audience: 'admin', url: () => '/admin/places' },
	'/admin/funds': { audience: 'admin', url: () => '/admin/funds' },
	'/admin/funds/[id]': { audience: 'admin', url: (w) => `/admin/funds/${w.fundId}` },
	'/admin/proposals': { audience: 'admin', url: () => '/admin/proposals' },
	'/admin/reviewers': { audience: 'admin', url: () => '/admin/reviewers' },
	'/admin/users': { audience: 'admin', url: () => '/admin/users' },
	'/admin/privacy': { audience: 'admin', url: () => '/admin/privacy' },
	'/admin/approvals': { audience: 'admin', url: () => '/admin/approvals' },
	'/admin/rounds': { audience: 'admin', url: () => '/admin/rounds' },
	'/admin/rounds/new': { audience: 'admin', url: () => '/admin/rounds/new' },
	// A round's admin pages: every load, action and endpoint under /admin/rounds/[id] passes
	// requireRoundAccess (tests/route-tree.spec.ts proves it), so the round's audience is decided in
	// that one function; when funds hold their own rounds, another fund's admin joins the outsiders.
	'/admin/rounds/[id]': {
		audience: 'admin',
		url: (w) => `/admin/rounds/${w.roundId}`,
		more: (w) => [`/admin/rounds/${w.resultsRoundId}`]
	},
	'/admin/rounds/[id]/needs': { audience: 'admin', url: (w) => `/admin/rounds/${w.callRoundId}/needs` },
	'/admin/rounds/[id]/needs/import': { audience: 'admin', url: (w) => `/admin/rounds/${w.callRoundId}/needs/import` },
	'/admin/rounds/[id]/rules': { audience: 'admin', url: (w) => `/admin/rounds/${w.applyRoundId}/rules` },
	'/admin/rounds/[id]/questions': { audience: 'admin', url: (w) => `/admin/rounds/${w.applyRoundId}/questions` },
	'/admin/rounds/[id]/eligibility': { audience: 'admin', url: (w) => `/admin/rounds/${w.roundId}/eligibility` },
	'/admin/rounds/[id]/eligibility/[proposalId]': {
		audience: 'admin',
		url: (w) => `/admin/rounds/${w.roundId}/eligibility/${w.proposalA}`
	},
	'/admin/rounds/[id]/panel': { audience: 'admin', url: (w) => `/admin/rounds/${w.roundId}/panel` },
	'/admin/rounds/[id]/proposals': { audience: 'admin', url: (w) => `/admin/rounds/${w.roundId}/proposals` },
	'/admin/rounds/[id]/proposals/[proposalId]': {
		audience: 'admin',
		url: (w) => `/admin/rounds/${w.roundId}/proposals/${w.proposalA}`
	},
	'/admin/rounds/[id]/rubric': { audience: 'admin', url: (w) => `/admin/rounds/${w.roundId}/rubric` },
	'/admin/rounds/[id]/progress': { audience: 'admin', url: (w) => `/admin/rounds/${w.roundId}/progress` },
	'/admin/rounds/[id]/projects': { audience: 'admin', url: (w) => `/admin/rounds/${w.resultsRoundId}/projects` },
	'/admin/rounds/[id]/projects/[proposalId]': { audience: 'admin', url: (w) => `/admin/rounds/${w.resultsRoundId}/projects/${w.project}` },
	'/admin/rounds/[id]/projects/[proposalId]/reports/[kind]': {
		audience: 'admin',
		url: (w) => `/admin/rounds/${w.resultsRoundId}/projects/${w.project}/reports/midterm`
	},
	'/admin/rounds/[id]/projects/[proposalId]/reports/[kind]/files': {
		audience: 'admin',
		url: (w) => `/admin/rounds/${w.resultsRoundId}/projects/${w.project}/reports/midterm/files`
	},
	'/admin/rounds/[id]/projects/[proposalId]/budget': {
		audience: 'admin',
		url: (w) => `/admin/rounds/${w.resultsRoundId}/projects/${w.project}/budget`
	},
	'/admin/rounds/[id]/projects/[proposalId]/evaluation/[kind]': {
		audience: 'admin',
		url: (w) => `/admin/rounds/${w.resultsRoundId}/projects/${w.evaluatedProject}/evaluation/final`,
		more: (w) => [`/admin/rounds/${w.resultsRoundId}/projects/${w.evaluatedProject}/evaluation/midterm`]
	},
	'/admin/rounds/[id]/decision': {
		audience: 'admin',
		url: (w) => `/admin/rounds/${w.noticeRoundId}/decision`,
		more: (w) => [`/admin/rounds/${w.resultsRoundId}/decision`]
	},
	'/admin/rounds/[id]/objections': { audience: 'admin', url: (w) => `/admin/rounds/${w.noticeRoundId}/objections` }
};

export interface EndpointRule {
	audience: Audience;
	url: (w: WorldIds) => string;
	/** The form a POST sends. */
	form?: (w: WorldIds) => Record<string, string>;
	/** What the audience gets. */
	status: 200 | 303;
	outsiders?: AccountKey[];
}

/** Keyed `METHOD /route/id`. */
export const ENDPOINTS: Record<string, EndpointRule> = {
	'GET /healthz': { audience: 'public', url: () => '/healthz', status: 200 },
	'POST /lang': { audience: 'public', url: () => '/lang', form: () => ({ lang: 'en', redirectTo: '/' }), status: 303 },
	'POST /logout': { audience: 'public', url: () => '/logout', status: 303 },
	'GET /rounds/[slug]/needs/new/streets.json': { audience: 'public', url: (w) => `/rounds/${w.callSlug}/needs/new/streets.json?district=1`, status: 200 },
	'GET /rounds/[slug]/results.json': { audience: 'public', url: (w) => `/rounds/${w.resultsSlug}/results.json`, status: 200 },
	'GET /rounds/[slug]/results.csv': { audience: 'public', url: (w) => `/rounds/${w.resultsSlug}/results.csv`, status: 200 },
	'GET /rounds/[slug]/ledger.json': { audience: 'public', url: (w) => `/rounds/${w.resultsSlug}/ledger.json`, status: 200 },
	'GET /rounds/[slug]/ledger.csv': { audience: 'public', url: (w) => `/rounds/${w.resultsSlug}/ledger.csv`, status: 200 },
	'GET /rounds/[slug]/disclosure.csv': { audience: 'public', url: (w) => `/rounds/${w.resultsSlug}/disclosure.csv`, status: 200 },
	// An approved report photo: anyone (an unapproved one only its organisation and admins: report-extras.e2e.ts).
	'GET /report-files/[id]': { audience: 'public', url: (w) => `/report-files/${w.reportPhoto}`, status: 200 },
	'GET /funds/[id]/ledger.csv': { audience: 'public', url: (w) => `/funds/${w.fundId}/ledger.csv`, status: 200 },
	'GET /rounds/[slug]/decision-record.json': {
		audience: 'public',
		url: (w) => `/rounds/${w.resultsSlug}/decision-record.json`,
		status: 200
	},
	// Whoever may see the proposal: its organisation, admins, its reviewers without a conflict.
	'GET /attachments/[id]': {
		audience: 'signed-in',
		url: (w) => `/attachments/${w.attachment}`,
		status: 200,
		outsiders: ['stationB', 'reviewer2', 'reviewer3']
	},
	'GET /admin/privacy/export.json': {
		audience: 'admin',
		url: (w) => `/admin/privacy/export.json?code=${w.receiptCode}`,
		status: 200
	},
	'GET /admin/places/template.csv': { audience: 'admin', url: () => '/admin/places/template.csv', status: 200 },
	'GET /admin/rounds/[id]/needs/export.csv': {
		audience: 'admin',
		url: (w) => `/admin/rounds/${w.callRoundId}/needs/export.csv`,
		status: 200
	},
	'GET /admin/rounds/[id]/needs/export.xlsx': {
		audience: 'admin',
		url: (w) => `/admin/rounds/${w.callRoundId}/needs/export.xlsx`,
		status: 200
	},
	'GET /admin/rounds/[id]/projects/payments.csv': {
		audience: 'admin',
		url: (w) => `/admin/rounds/${w.resultsRoundId}/projects/payments.csv`,
		status: 200
	},
	'GET /admin/rounds/[id]/projects/payments.xlsx': {
		audience: 'admin',
		url: (w) => `/admin/rounds/${w.resultsRoundId}/projects/payments.xlsx`,
		status: 200
	}
};

/** A field's values; null takes the field off the form. */
type Fields = Record<string, string | string[] | null>;

/**
 * What the acting account posts to an action:
 * - `from: 'page'`: the form for this action exactly as the page renders it for that account
 *   (hidden fields such as a submission key included), with `set` laid over it;
 * - `from: 'nothing'`: only `set`, for an action whose form the page does not offer in the
 *   world's state (the rules must refuse it, never access, never a 5xx).
 * `outcome` is what the acting account must get: `done` (a redirect, or the page again for the
 * row editors) or `refused` (4xx other than 403/404: the rules said no, the form was checked).
 * `file` attaches a file of that name and content to the form's file field.
 */
export interface ActionRule {
	from: 'page' | 'nothing';
	set?: (w: WorldIds) => Fields;
	file?: { field: string; name: string; mimeType: string; text?: string; base64?: string };
	outcome: 'done' | 'refused';
}

const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const REASON = '经核实情况属实，按规则处理。';

/** Keyed `/route/id ?/name`, in no particular order: the sweep walks the route tree's order. */
export const ACTIONS: Record<string, ActionRule> = {
	// Public: anyone, without an account.
	'/login ?/default': {
		from: 'page',
		set: () => ({ email: 'admin@e2e.test', password: 'e2e-password-2026' }),
		outcome: 'done'
	},
	'/invite/[token] ?/default': {
		from: 'page',
		set: () => ({ password: 'invited-password-2026', confirm: 'invited-password-2026' }),
		outcome: 'done'
	},
	// The leaver's reset link: nobody else signs in as the leaver, so its sessions ending moves nothing.
	'/reset/[token] ?/default': {
		from: 'page',
		set: () => ({ password: 'reset-password-2026', confirm: 'reset-password-2026' }),
		outcome: 'done'
	},
	'/track/[code] ?/default': { from: 'nothing', set: (w) => ({ code: w.receiptCode }), outcome: 'done' },
	'/needs/[id] ?/support': { from: 'page', outcome: 'done' },
	'/rounds/[slug]/needs/new ?/default': {
		from: 'page',
		set: (w) => ({
			refresh_places: null,
			title: '楼道灯坏了',
			description: '晚上老人下楼看不清台阶。',
			category: 'elderly',
			affected_group: '楼栋长者',
			affected_count: '12',
			...w.place
		}),
		outcome: 'done'
	},
	'/rounds/[slug]/notice ?/default': {
		from: 'page',
		set: (w) => ({
			proposalId: String(w.noticeProposal),
			reason: '项目书中写的合作场地正在装修，活动难以按期开展。',
			name: '梁先生',
			contact: '13900000002',
			consent: 'on'
		}),
		outcome: 'done'
	},

	// Without a pending second factor there is nothing to check: sent back to sign in.
	'/login/two-factor ?/default': { from: 'nothing', set: () => ({ code: '123456' }), outcome: 'done' },
	// A code that cannot be the app's: refused, and no account is enrolled or changed.
	'/account/two-factor ?/enrol': { from: 'page', set: () => ({ code: 'abc' }), outcome: 'refused' },
	'/account/two-factor ?/remove': { from: 'nothing', set: () => ({ code: '123456' }), outcome: 'refused' },
	// Any account: a wrong current password is refused, and nothing changes.
	'/account ?/password': {
		from: 'page',
		set: () => ({ current: 'not-the-password', password: 'another-password-2026', confirm: 'another-password-2026' }),
		outcome: 'refused'
	},

	// Station A, on its own draft in the round open for applications.
	'/station/organisation ?/default': { from: 'page', outcome: 'done' },
	'/station/questions ?/default': { from: 'page', set: () => ({ question: '志愿者交通补贴可以列入活动费吗？' }), outcome: 'done' },
	'/station/proposals/new ?/save': { from: 'page', set: () => ({ title: '社区长者助餐新方案' }), outcome: 'done' },
	'/station/proposals/new ?/submit': { from: 'page', outcome: 'refused' },
	'/station/proposals/new ?/addRow': { from: 'page', outcome: 'done' },
	'/station/proposals/new ?/removeRow': { from: 'page', outcome: 'done' },
	'/station/proposals/[id] ?/save': { from: 'page', outcome: 'done' },
	'/station/proposals/[id] ?/submit': { from: 'page', outcome: 'done' },
	'/station/proposals/[id] ?/addRow': { from: 'page', outcome: 'done' },
	'/station/proposals/[id] ?/removeRow': { from: 'page', outcome: 'done' },
	'/station/proposals/[id] ?/attach': {
		from: 'page',
		file: { field: 'file', name: '活动照片.png', mimeType: 'image/png', base64: PNG_BASE64 },
		outcome: 'done'
	},
	'/station/proposals/[id] ?/detach': { from: 'page', outcome: 'done' },
	'/station/proposals/[id] ?/withdraw': { from: 'page', set: () => ({ confirm: 'yes' }), outcome: 'done' },
	// The world's funded project has no agreement yet: a report is refused by its rules.
	'/station/proposals/[id]/reports/[kind] ?/save': { from: 'nothing', set: () => ({ version: '0', narrative: '进展' }), outcome: 'refused' },
	'/station/proposals/[id]/reports/[kind] ?/submit': { from: 'nothing', set: () => ({ version: '0', narrative: '进展' }), outcome: 'refused' },
	// So are a report's files and a budget change.
	'/station/proposals/[id]/reports/[kind]/files ?/upload': {
		from: 'nothing',
		set: () => ({ purpose: 'photo', caption: '活动' }),
		file: { field: 'file', name: '活动照片.png', mimeType: 'image/png', base64: PNG_BASE64 },
		outcome: 'refused'
	},
	'/station/proposals/[id]/reports/[kind]/files ?/remove': { from: 'nothing', set: (w) => ({ fileId: w.reportPhoto }), outcome: 'refused' },
	// The world's photo shows no minors: there is no consent to record.
	'/station/proposals/[id]/reports/[kind]/files ?/consent': { from: 'nothing', set: (w) => ({ fileId: w.reportPhoto }), outcome: 'refused' },
	'/station/proposals/[id]/budget ?/request': { from: 'nothing', set: () => ({ fromLine: '0', toLine: '1', amount: '100', reason: '场地费上涨' }), outcome: 'refused' },

	// Reviewer 1, on their assignment in the fixtures' round.
	'/review ?/readNotices': { from: 'page', outcome: 'done' },
	'/inbox ?/read': { from: 'nothing', outcome: 'done' },
	'/admin/outbox ?/retry': { from: 'nothing', outcome: 'done' },
	// Reviewer 1 grades the final report, then declares a conflict (which ends the evaluation).
	'/review/evaluations/[id] ?/submit': {
		from: 'page',
		set: () => ({ score_goals: '8', score_feedback: '8', score_budget: '7', score_documentation: '8', score_sustainability: '7' }),
		outcome: 'done'
	},
	'/review/evaluations/[id] ?/conflict': { from: 'page', set: () => ({ reason: '曾为该机构提供督导服务。' }), outcome: 'done' },
	'/review/assignments/[id] ?/save': { from: 'page', set: () => ({ comment: '需求分析扎实。' }), outcome: 'done' },
	'/review/assignments/[id] ?/submit': {
		from: 'page',
		set: (w) => ({ ...Object.fromEntries(w.criteria.map((id) => [`score_${id}`, '8'])), comment: '设计可行，预算合理。' }),
		outcome: 'done'
	},
	// After ?/submit (the module's order): reviewer 1 may now join the panel's discussion.
	'/review/assignments/[id] ?/discuss': { from: 'page', set: () => ({ body: '预算中的交通费是否偏高？' }), outcome: 'done' },
	'/review/assignments/[id] ?/conflict': { from: 'page', set: () => ({ reason: '与申报机构负责人为亲属。' }), outcome: 'done' },

	// Admin.
	'/admin/calendar ?/save': {
		from: 'page',
		set: () => ({
			year: String(FAR_YEAR),
			source: TEST_CALENDAR_SOURCE,
			holidays: '',
			makeupWorkdays: '',
			departs: 'on'
		}),
		outcome: 'done'
	},
	'/admin/categories ?/save': { from: 'page', outcome: 'done' },
	'/admin/categories ?/retire': { from: 'page', outcome: 'done' },
	'/admin/organisations ?/default': {
		from: 'page',
		set: () => ({ name: '新成立社工站', kind: 'station', district: '海珠区' }),
		outcome: 'done'
	},
	'/admin/organisations/[id] ?/default': { from: 'page', outcome: 'done' },
	'/admin/places ?/import': {
		from: 'page',
		file: { field: 'file', name: 'places.csv', mimeType: 'text/csv', text: 'district,street,community\n海珠区,南华西街,测试社区\n' },
		outcome: 'done'
	},
	'/admin/places ?/seed': { from: 'page', outcome: 'done' },
	'/admin/funds ?/default': { from: 'page', set: () => ({ name: '新设慈善基金', kind: 'federation' }), outcome: 'done' },
	'/admin/funds/[id] ?/update': { from: 'page', outcome: 'done' },
	'/admin/funds/[id] ?/income': { from: 'page', set: () => ({ amount: '100', sourceType: 'business', reference: 'YH-0001' }), outcome: 'done' },
	'/admin/funds/[id] ?/allocate': { from: 'page', set: (w) => ({ roundId: String(w.applyRoundId), amount: '1' }), outcome: 'done' },
	'/admin/funds/[id] ?/reverse': { from: 'page', set: (w) => ({ entryId: String(w.fundIncome), reason: REASON }), outcome: 'done' },
	'/admin/funds/[id] ?/import': {
		from: 'page',
		file: { field: 'file', name: 'incomes.csv', mimeType: 'text/csv', text: '日期,金额,来源类型,捐赠方,同意公开,募捐活动,流水号\n2024-07-01,88.00,个人,,否,,E2E-IMPORT-1\n' },
		outcome: 'done'
	},
	'/admin/reviewers ?/default': { from: 'page', outcome: 'done' },
	'/admin/users ?/invite': {
		from: 'page',
		set: () => ({ email: 'new-reviewer@e2e.test', name: '新评审', role: 'reviewer' }),
		outcome: 'done'
	},
	// The account forms act on the leaver, an account of the world nobody signs in as.
	'/admin/users ?/disable': { from: 'nothing', set: (w) => ({ userId: String(w.leaver), reason: '已离职。' }), outcome: 'done' },
	'/admin/users ?/enable': { from: 'nothing', set: (w) => ({ userId: String(w.leaver), reason: '返岗。' }), outcome: 'done' },
	'/admin/users ?/leave': { from: 'nothing', set: (w) => ({ userId: String(w.leaver), reason: '调往其他机构。' }), outcome: 'done' },
	// The invitation ?/invite just made.
	'/admin/users ?/revoke': { from: 'page', outcome: 'done' },
	// As the page shows it: not required (the world's admin has no second factor).
	'/admin/users ?/twoFactor': { from: 'page', outcome: 'done' },
	'/admin/users ?/reset': { from: 'nothing', set: (w) => ({ userId: String(w.leaver) }), outcome: 'done' },
	'/admin/privacy ?/lookup': { from: 'page', set: (w) => ({ code: w.receiptCode }), outcome: 'done' },
	'/admin/privacy ?/erase': {
		from: 'nothing',
		set: (w) => ({ code: w.receiptCode, reason: '本人持回执单到站办理。' }),
		outcome: 'done'
	},
	'/admin/privacy ?/settings': { from: 'page', outcome: 'done' },
	// The world's pending allocations, asked for by the second admin: the sweep's admin decides them;
	// only their requester may withdraw one, so the admin's withdrawal is refused.
	'/admin/approvals ?/approve': { from: 'nothing', set: (w) => ({ requestId: String(w.moneyRequests.toApprove) }), outcome: 'done' },
	'/admin/approvals ?/refuse': { from: 'nothing', set: (w) => ({ requestId: String(w.moneyRequests.toRefuse), reason: REASON }), outcome: 'done' },
	'/admin/approvals ?/withdraw': { from: 'nothing', set: (w) => ({ requestId: String(w.moneyRequests.toRefuse) }), outcome: 'refused' },
	'/admin/approvals ?/threshold': { from: 'page', outcome: 'done' },
	'/admin/rounds/new ?/default': {
		from: 'page',
		set: () => ({ title: '2027 年社区公益微创投', slug: 'e2e-2027' }),
		outcome: 'done'
	},
	'/admin/rounds/[id] ?/update': { from: 'page', outcome: 'done' },
	'/admin/rounds/[id] ?/phase': { from: 'page', set: () => ({ phase: 'schedule', reason: '按日程推进。' }), outcome: 'done' },
	'/admin/rounds/[id]/needs ?/publish': { from: 'page', set: (w) => ({ id: String(w.pendingNeeds[0]) }), outcome: 'done' },
	'/admin/rounds/[id]/needs ?/publishChecked': { from: 'page', set: (w) => ({ ids: [String(w.pendingNeeds[1])] }), outcome: 'done' },
	'/admin/rounds/[id]/needs ?/declineChecked': {
		from: 'page',
		set: (w) => ({ ids: [String(w.pendingNeeds[2])], reason: '属于物业维修范围，已转交街道。' }),
		outcome: 'done'
	},
	'/admin/rounds/[id]/needs ?/decline': {
		from: 'page',
		set: (w) => ({ id: String(w.pendingNeeds[3]), reason: '属于物业维修范围，已转交街道。' }),
		outcome: 'done'
	},
	'/admin/rounds/[id]/needs ?/edit': { from: 'page', set: (w) => ({ id: String(w.pendingNeeds[4]) }), outcome: 'done' },
	'/admin/rounds/[id]/needs ?/merge': {
		from: 'page',
		set: (w) => ({ id: String(w.pendingNeeds[5]), target: String(w.callNeed) }),
		outcome: 'done'
	},
	// The call is still open, so its needs cannot move on yet.
	'/admin/rounds/[id]/needs ?/rollover': { from: 'page', set: (w) => ({ target_round: String(w.applyRoundId) }), outcome: 'refused' },
	'/admin/rounds/[id]/rules ?/default': { from: 'page', outcome: 'done' },
	'/admin/rounds/[id]/questions ?/answer': { from: 'page', set: () => ({ answer: '可以，列入交通类预算。' }), outcome: 'done' },
	'/admin/rounds/[id]/questions ?/deadline': { from: 'page', outcome: 'done' },
	'/admin/rounds/[id]/needs/import ?/default': {
		from: 'page',
		file: {
			field: 'file',
			name: '纸质需求.csv',
			mimeType: 'text/csv',
			// A category by its key; the sweep retired the first one (长者) before it gets here.
			text: '标题,需求描述,服务领域,区,街道,受益人群,渠道\n楼道扶手松动,老人上下楼扶手摇晃。,youth,海珠区,南华西街,楼栋长者,纸质表\n'
		},
		outcome: 'done'
	},
	// The fixtures' round is past its eligibility check: the page offers no form, the rules refuse.
	'/admin/rounds/[id]/eligibility/[proposalId] ?/default': {
		from: 'nothing',
		set: () => ({ outcome: 'pass', comment: '材料齐全。', revisionDueAt: '' }),
		outcome: 'refused'
	},
	'/admin/rounds/[id]/panel ?/default': {
		from: 'page',
		set: (w) => ({ reviewerId: [String(w.users.reviewer1), String(w.users.reviewer2), String(w.users.reviewer3)] }),
		outcome: 'done'
	},
	'/admin/rounds/[id]/proposals ?/assign': {
		from: 'page',
		set: (w) => ({ proposalId: String(w.proposalA), reviewerId: String(w.users.reviewer2) }),
		outcome: 'done'
	},
	'/admin/rounds/[id]/proposals ?/unassign': { from: 'page', outcome: 'done' },
	'/admin/rounds/[id]/proposals ?/reassign': {
		from: 'page',
		set: (w) => ({ proposalId: String(w.proposalB), assignmentId: String(w.assignmentReviewer2), reviewerId: String(w.users.reviewer1) }),
		outcome: 'done'
	},
	'/admin/rounds/[id]/proposals ?/conflict': {
		from: 'page',
		set: (w) => ({ reviewerId: String(w.users.reviewer2), reason: '曾任申报机构顾问。' }),
		outcome: 'done'
	},
	'/admin/rounds/[id]/proposals ?/liftConflict': { from: 'page', set: () => ({ reason: '顾问关系已于去年结束。' }), outcome: 'done' },
	'/admin/rounds/[id]/proposals ?/autoAssign': { from: 'page', outcome: 'done' },
	'/admin/rounds/[id]/proposals/[proposalId] ?/identities': { from: 'page', set: () => ({ reason: '核查回避情况。' }), outcome: 'done' },
	'/admin/rounds/[id]/proposals/[proposalId] ?/discuss': { from: 'page', set: () => ({ body: '请大家核对预算。' }), outcome: 'done' },
	'/admin/rounds/[id]/rubric ?/rubric': { from: 'page', outcome: 'done' },
	'/admin/rounds/[id]/rubric ?/settings': { from: 'page', outcome: 'done' },
	'/admin/rounds/[id]/progress ?/remind': { from: 'page', outcome: 'done' },
	// The notice round's line is published: the page offers no editing, the rules refuse it.
	// The world's funded project has no agreement, and the sweep leaves it so: each money form is
	// refused by its rules (or its schema) whatever order it runs in; the journey in
	// grants.e2e.ts records them for real.
	'/admin/rounds/[id]/projects/[proposalId] ?/condition': { from: 'nothing', set: () => ({ trancheId: 'x', reason: REASON }), outcome: 'refused' },
	'/admin/rounds/[id]/projects/[proposalId] ?/pay': {
		from: 'nothing',
		set: () => ({ trancheId: '1', amount: '0', paidOn: '2000-01-01', reference: 'PZ-0' }),
		outcome: 'refused'
	},
	'/admin/rounds/[id]/projects/[proposalId] ?/reverse': { from: 'nothing', set: () => ({ entryId: 'x', reason: REASON }), outcome: 'refused' },
	'/admin/rounds/[id]/projects/[proposalId] ?/close': {
		from: 'nothing',
		set: () => ({ outcome: 'completed', closedOn: '2000-01-01', note: REASON, returnDue: '0' }),
		outcome: 'refused'
	},
	'/admin/rounds/[id]/projects/[proposalId] ?/return': {
		from: 'nothing',
		set: () => ({ amount: '1', returnedOn: '2000-01-01', reference: 'TH-0' }),
		outcome: 'refused'
	},
	// With no agreement there is no report to write or review: refused by the rules.
	// The evaluated project: reviewer 3 (the organisation's own staff) refused, reviewer 2 (the first listed) removed; nothing is withheld to override.
	'/admin/rounds/[id]/projects/[proposalId]/evaluation/[kind] ?/assign': { from: 'nothing', set: (w) => ({ evaluatorId: String(w.users.reviewer3) }), outcome: 'refused' },
	'/admin/rounds/[id]/projects/[proposalId]/evaluation/[kind] ?/unassign': { from: 'page', outcome: 'done' },
	'/admin/rounds/[id]/projects/[proposalId]/evaluation/[kind] ?/override': { from: 'nothing', set: () => ({ reason: REASON }), outcome: 'refused' },
	'/admin/rounds/[id]/projects/[proposalId]/reports/[kind] ?/review': { from: 'nothing', set: () => ({ decision: 'accept' }), outcome: 'refused' },
	// The world's photo is approved already, and its project has no agreement.
	'/admin/rounds/[id]/projects/[proposalId]/reports/[kind]/files ?/decide': { from: 'nothing', set: (w) => ({ fileId: w.reportPhoto, decision: 'approve' }), outcome: 'refused' },
	// No budget change was asked for in the world: there is none to decide.
	'/admin/rounds/[id]/projects/[proposalId]/budget ?/decide': { from: 'nothing', set: () => ({ changeId: '1', decision: 'approve' }), outcome: 'refused' },
	'/admin/rounds/[id]/projects/[proposalId] ?/agreement': {
		from: 'nothing',
		set: () => ({ number: 'XY-1', signedOn: '2000-01-01', payeeAccountName: '测试账户', plan: 'custom', amounts: '1' }),
		outcome: 'refused'
	},
	'/admin/rounds/[id]/decision ?/draw': { from: 'nothing', outcome: 'refused' },
	'/admin/rounds/[id]/decision ?/settings': {
		from: 'nothing',
		set: () => ({ tieRule: 'lower_request', minScore: '50', caps: '', noticeDays: '5' }),
		outcome: 'refused'
	},
	'/admin/rounds/[id]/decision ?/reduce': {
		from: 'nothing',
		set: (w) => ({ proposalId: String(w.noticeProposal), award: '20000', reason: REASON }),
		outcome: 'refused'
	},
	'/admin/rounds/[id]/decision ?/reduceClear': { from: 'nothing', set: (w) => ({ proposalId: String(w.noticeProposal) }), outcome: 'refused' },
	'/admin/rounds/[id]/decision ?/override': {
		from: 'nothing',
		set: (w) => ({ proposalId: String(w.noticeProposal), kind: 'exclude', reason: REASON }),
		outcome: 'refused'
	},
	'/admin/rounds/[id]/decision ?/overrideClear': { from: 'nothing', set: (w) => ({ proposalId: String(w.noticeProposal) }), outcome: 'refused' },
	'/admin/rounds/[id]/decision ?/publishNotice': { from: 'nothing', outcome: 'refused' },
	// An objection is still open and the notice has days to run.
	'/admin/rounds/[id]/decision ?/confirm': { from: 'page', outcome: 'refused' },
	// The notice round's list is not final yet: there is no published record to correct.
	'/admin/rounds/[id]/decision ?/correct': { from: 'nothing', set: () => ({ reason: REASON }), outcome: 'refused' },
	// The grey-zone lottery's steps: the notice round's line is published, so each is refused.
	'/admin/rounds/[id]/decision ?/lotteryOptIn': { from: 'nothing', set: () => ({ optIn: 'on' }), outcome: 'refused' },
	'/admin/rounds/[id]/decision ?/lotteryRecord': { from: 'nothing', outcome: 'refused' },
	'/admin/rounds/[id]/decision ?/lotteryDraw': { from: 'nothing', outcome: 'refused' },
	'/admin/rounds/[id]/decision ?/lotteryWithdraw': { from: 'nothing', set: () => ({ reason: REASON }), outcome: 'refused' },
	'/admin/rounds/[id]/objections ?/answer': {
		from: 'page',
		set: () => ({ outcome: 'dismissed', effect: 'none', response: '经实地核实，场地装修已完工，项目可按计划开展。' }),
		outcome: 'done'
	}
};

/**
 * What is wrong between the route tree and this table: a route nobody classified, or an entry
 * for a route that is gone. Empty when they agree.
 */
export function unclassified(tree: RouteTree): string[] {
	const problems: string[] = [];
	const compare = (found: string[], table: Record<string, unknown>, what: string) => {
		for (const key of found) if (!table[key]) problems.push(`${what} ${key} is not classified in tests/route-access.ts`);
		for (const key of Object.keys(table)) if (!found.includes(key)) problems.push(`${what} ${key} is classified but not in the route tree`);
	};
	compare(tree.pages.map((p) => p.id), PAGES, 'page');
	compare(tree.actions.map((a) => `${a.id} ?/${a.name}`), ACTIONS, 'action');
	compare(tree.endpoints.map((e) => `${e.method} ${e.id}`), ENDPOINTS, 'endpoint');
	return problems;
}

/**
 * The whole catalogue, both languages side by side, typed: the server's and the tests' copy.
 * A reader's browser never loads this module: it loads one language's words, built from it by
 * the `messages` Vite plugin (vite-plugin-messages.ts) as `virtual:messages/<locale>`.
 */
import { common } from './messages/common';
import { auth } from './messages/auth';
import { admin } from './messages/admin';
import { rounds } from './messages/rounds';
import { needs } from './messages/needs';
import { proposals } from './messages/proposals';
import { review } from './messages/review';
import { organisations } from './messages/organisations';
import { results } from './messages/results';
import { files } from './messages/files';
import { calendar } from './messages/calendar';
import { feedback } from './messages/feedback';
import { status } from './messages/status';
import { inbox } from './messages/inbox';
import { roundTemplate } from './messages/round-template';
import { sharing } from './messages/sharing';
import { auditWords } from './messages/audit';
import { proposalHistory } from './messages/proposal-history';
import { ranked } from './messages/ranked';
import { fair } from './messages/fair';
import { grants } from './messages/grants';
import { people } from './messages/people';
import { reports } from './messages/reports';
import { funds } from './messages/funds';
import { reportExtras } from './messages/report-extras';
import { evaluation } from './messages/evaluation';
import { moneyRequests } from './messages/money-requests';
import { matching } from './messages/matching';
import { fundAdmins } from './messages/fund-admins';

import type { Locale } from './locales';

export const catalogue = { ...common, ...auth, ...admin, ...rounds, ...needs, ...proposals, ...review, ...organisations, ...results, ...files, ...calendar, ...feedback, ...status, ...inbox, ...roundTemplate, ...sharing, ...auditWords, ...proposalHistory, ...ranked, ...fair, ...grants, ...people, ...reports, ...funds, ...reportExtras, ...evaluation, ...moneyRequests, ...matching, ...fundAdmins };

/** One language's words, by key: what a reader of that language downloads. */
export function localeMessages(locale: Locale): Record<string, string> {
	return Object.fromEntries(Object.entries(catalogue).map(([key, text]) => [key, locale === 'en' ? text.en : text.zh]));
}

import type { Migration } from 'kysely';
import * as accounts from './2026_11_26_0001_accounts';
import * as rounds from './2026_11_26_0002_rounds';
import * as needsProposalsReviews from './2026_11_26_0003_needs_proposals_reviews';
import * as needsRegistry from './2026_11_26_0004_needs_registry';
import * as proposalDetails from './2026_11_26_0005_proposal_details';
import * as reviewPanel from './2026_11_26_0006_review_panel';
import * as decisionNotice from './2026_11_26_0007_decision_notice';
import * as rateLimits from './2026_11_29_0100_rate_limits';
import * as formSubmissions from './2026_11_29_0101_form_submissions';
import * as publishedRecords from './2026_11_29_0102_published_records';
import * as workCalendar from './2026_11_29_0250_work_calendar';
import * as reviewFeedback from './2026_11_29_0300_review_feedback';
import * as outbox from './2026_11_29_0320_outbox';
import * as fairDecisions from './2026_11_29_0360_fair_decisions';
import * as grants from './2026_11_29_0400_grants';
import * as funds from './2026_11_29_0500_funds';
import * as needSearch from './2026_11_29_0700_need_search';
import * as statsIndex from './2026_11_29_0701_stats_index';
import * as accountLifecycle from './2026_11_29_0600_account_lifecycle';
import * as privacy from './2026_11_29_0610_privacy';
import * as needIntake from './2026_11_29_0620_need_intake';
import * as twoFactor from './2026_11_29_0630_two_factor';
import * as roundQuestions from './2026_11_29_0640_round_questions';
import * as reports from './2026_11_29_0800_reports';
import * as evaluations from './2026_11_29_0810_evaluations';
import * as budgetChanges from './2026_11_29_0820_budget_changes';
import * as reportFiles from './2026_11_29_0821_report_files';
import * as disclosureReminders from './2026_11_29_0822_disclosure_reminders';
import * as moneyRequests from './2026_11_29_0830_money_requests';
import * as matchingMemos from './2026_11_29_0831_matching_memos';
import * as fundAdmins from './2026_11_29_0900_fund_admins';
import * as roundVersions from './2026_11_29_0950_round_versions';
import * as totpReplay from './2026_11_29_0990_totp_replay';

/**
 * Every migration, by name. Imported statically so that the built server, the scripts and the
 * tests all run the very same list (a test checks that no file in this folder is missing here).
 */
export const migrations: Record<string, Migration> = {
	'2026_11_26_0001_accounts': accounts,
	'2026_11_26_0002_rounds': rounds,
	'2026_11_26_0003_needs_proposals_reviews': needsProposalsReviews,
	'2026_11_26_0004_needs_registry': needsRegistry,
	'2026_11_26_0005_proposal_details': proposalDetails,
	'2026_11_26_0006_review_panel': reviewPanel,
	'2026_11_26_0007_decision_notice': decisionNotice,
	'2026_11_29_0100_rate_limits': rateLimits,
	'2026_11_29_0101_form_submissions': formSubmissions,
	'2026_11_29_0102_published_records': publishedRecords,
	'2026_11_29_0250_work_calendar': workCalendar,
	'2026_11_29_0300_review_feedback': reviewFeedback,
	'2026_11_29_0320_outbox': outbox,
	'2026_11_29_0360_fair_decisions': fairDecisions,
	'2026_11_29_0400_grants': grants,
	'2026_11_29_0500_funds': funds,
	'2026_11_29_0600_account_lifecycle': accountLifecycle,
	'2026_11_29_0610_privacy': privacy,
	'2026_11_29_0620_need_intake': needIntake,
	'2026_11_29_0630_two_factor': twoFactor,
	'2026_11_29_0640_round_questions': roundQuestions,
	'2026_11_29_0700_need_search': needSearch,
	'2026_11_29_0701_stats_index': statsIndex,
	'2026_11_29_0800_reports': reports,
	'2026_11_29_0810_evaluations': evaluations,
	'2026_11_29_0820_budget_changes': budgetChanges,
	'2026_11_29_0821_report_files': reportFiles,
	'2026_11_29_0822_disclosure_reminders': disclosureReminders,
	'2026_11_29_0830_money_requests': moneyRequests,
	'2026_11_29_0831_matching_memos': matchingMemos,
	'2026_11_29_0900_fund_admins': fundAdmins,
	'2026_11_29_0950_round_versions': roundVersions,
	'2026_11_29_0990_totp_replay': totpReplay
};

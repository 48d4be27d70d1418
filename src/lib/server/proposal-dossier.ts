/**
 * A proposal as its readers study it: the content, the round's budget rules it is checked
 * against and what breaks them, its linked needs and attachments. The admin's eligibility check
 * and the reviewer's scoring page read the same dossier, so a reviewer judging "预算合理性" sees
 * the very budget and rule checks the admin saw. Callers check access first.
 */
import type { DB } from './db';
import type { Round } from './schema';
import { getProposalContent, linkedNeeds } from './proposals';
import { roundRules } from './proposal-rules';
import { listAttachments } from './attachments';
import { budgetProblems } from '../domain/budget';
import { budgetProblemError } from '../schemas/proposals';

export async function proposalDossier(db: DB, round: Round, proposalId: number) {
	const content = await getProposalContent(db, proposalId);
	if (!content) return undefined;
	const rules = roundRules(round);
	const [needs, attachments] = await Promise.all([linkedNeeds(db, proposalId), listAttachments(db, proposalId)]);
	return {
		content,
		rules,
		problems: budgetProblems(content.lines, { matchingCashFen: content.matchingCashFen, volunteerHours: content.volunteerHours }, rules).map(
			budgetProblemError
		),
		needs,
		attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, size: a.size }))
	};
}

export type ProposalDossier = NonNullable<Awaited<ReturnType<typeof proposalDossier>>>;

import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import type { Role } from '../schema';
import { getRoundById, type Round } from '../rounds';
import { fundedProject, type FundedProject } from '../grant-views';
import { REPORT_KINDS, type ReportKind } from '../../domain/project-reports';
import type { SessionUser } from './session';
import { runsRound } from '../fund-admins';

/** Where each role's work starts: sign-in and invitations land here. */
export const HOME: Record<Role, string> = { admin: '/admin', fund_admin: '/admin/rounds', station: '/station', reviewer: '/review' };

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return user;
}

/** The signed-in user when they hold one of `roles`; 403 for anyone else who is signed in. */
export function requireRole(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	...roles: Role[]
): SessionUser {
	const user = requireUser(event);
	if (!roles.includes(user.role)) error(403, 'forbidden');
	return user;
}

/** A federation admin or a fund admin: who may open the list of rounds they run. */
export function requireRoundAdmin(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	return requireRole(event, 'admin', 'fund_admin');
}

/**
 * The round named by the URL (`[id]`) and the signed-in user who may manage it; 404 when there is
 * no such round, or when it is another fund's (a fund admin learns nothing of other funds' rounds).
 * The one gate of every load, action and endpoint of a round's admin pages: a federation admin
 * runs every round, a fund admin the rounds of its own fund (runsRound in fund-admins.ts).
 */
export async function requireRoundAccess(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	roundId: string | number | undefined
): Promise<{ user: SessionUser; round: Round }> {
	const user = requireRoundAdmin(event);
	const raw = String(roundId ?? '');
	const round = /^\d{1,12}$/.test(raw) ? await getRoundById(getDb(), Number(raw)) : undefined;
	if (!round || !runsRound(user, round)) error(404, 'not found');
	return { user, round };
}

/**
 * The funded project named by the URL (`[proposalId]`) in the round it names (`[id]`), for those
 * who may manage that round (requireRoundAccess); 404 for a project of another round or none.
 * The gate of every page of a project's after-award work (reports, files, budget, evaluation).
 */
export async function requireRoundProject(
	event: Pick<RequestEvent, 'locals' | 'url'> & { params: { id: string; proposalId: string } }
): Promise<{ user: SessionUser; round: Round; proposalId: number; project: FundedProject }> {
	const { user, round } = await requireRoundAccess(event, event.params.id);
	const proposalId = /^\d{1,12}$/.test(event.params.proposalId) ? Number(event.params.proposalId) : 0;
	const project = await fundedProject(getDb(), proposalId);
	if (!project || project.round.id !== round.id) error(404, 'not found');
	return { user, round, proposalId, project };
}

/** requireRoundProject, and the report the URL names (`[kind]`: midterm or final); 404 for another word. */
export async function requireRoundReport(
	event: Pick<RequestEvent, 'locals' | 'url'> & { params: { id: string; proposalId: string; kind: string } }
): Promise<{ user: SessionUser; round: Round; proposalId: number; project: FundedProject; kind: ReportKind }> {
	const found = await requireRoundProject(event);
	const kind = event.params.kind;
	if (!(REPORT_KINDS as readonly string[]).includes(kind)) error(404, 'not found');
	return { ...found, kind: kind as ReportKind };
}

/** A station user's organisation; station accounts always have one. */
export function requireStation(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireRole(event, 'station');
	if (user.organisationId == null) error(403, 'forbidden');
	return { user, organisationId: user.organisationId };
}

import sharp from 'sharp';
import type { DB } from '../db';
import { getRoundById } from '../rounds';
import { roundProjects } from '../grant-views';
import { recipients } from '../notify';
import { budgetChanges, decideBudgetChange, requestBudgetChange } from '../budget-changes';
import { addReportFile, decideReportPhoto } from '../report-files';
import { uploadDir } from '../attachments';

/** A made-up activity photo: a few shapes on a warm ground (no text: the server may lack fonts). */
async function demoPhoto(hue: number): Promise<Buffer> {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="640">
		<rect width="960" height="640" fill="hsl(${hue},55%,82%)"/>
		<rect y="430" width="960" height="210" fill="hsl(${hue + 20},35%,60%)"/>
		<circle cx="250" cy="330" r="70" fill="hsl(${hue + 180},40%,45%)"/><rect x="190" y="400" width="120" height="180" rx="40" fill="hsl(${hue + 180},40%,45%)"/>
		<circle cx="480" cy="350" r="60" fill="hsl(${hue + 140},45%,40%)"/><rect x="430" y="410" width="100" height="160" rx="35" fill="hsl(${hue + 140},45%,40%)"/>
		<circle cx="700" cy="320" r="75" fill="hsl(${hue + 220},35%,40%)"/><rect x="635" y="395" width="130" height="190" rx="45" fill="hsl(${hue + 220},35%,40%)"/>
		<circle cx="820" cy="110" r="55" fill="hsl(45,95%,65%)"/>
	</svg>`;
	// Written as a phone would, with a GPS position: the upload strips it like any other.
	return sharp(Buffer.from(svg))
		.jpeg({ quality: 80 })
		.withExif({ IFD0: { Make: 'DemoPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 6/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 16/1 0/1' } })
		.toBuffer();
}

const must = <T>(what: string, outcome: { ok: boolean; value?: T }): T => {
	if (!outcome.ok) throw new Error(`seedReportExtras ${what}: ${JSON.stringify(outcome)}`);
	return outcome.value as T;
};

/**
 * Beside the earlier round's reports: one approved budget change (over 10 % of a line) and two
 * approved activity photos on the first project still running toward its mid-term report, through
 * the same functions the pages call.
 */
export async function seedReportExtras(db: DB, input: { roundId: number; actorId: number; dir?: string }, now = new Date()): Promise<{ proposalId: number }> {
	const round = (await getRoundById(db, input.roundId))!;
	// A project still working toward its mid-term report: photos go with a report the station may
	// still edit (the mid-term reports the demo already accepted are closed to new files).
	const reported = new Set(
		(await db.selectFrom('project_reports').select('proposal_id').where('kind', '=', 'midterm').where('status', 'in', ['submitted', 'accepted']).execute()).map(
			(r) => r.proposal_id
		)
	);
	const running = (await roundProjects(db, round)).find((p) => p.stage === 'in_progress' && !reported.has(p.id));
	if (!running) throw new Error('seedReportExtras: no project in progress before its mid-term report');
	const proposal = await db.selectFrom('proposals').select('organisation_id').where('id', '=', running.id).executeTakeFirstOrThrow();
	const [stationUser] = await recipients(db, { organisationId: proposal.organisation_id });
	const { lines } = await budgetChanges(db, running.id);
	const from = lines.reduce((best, l, i) => (l.budgetFen > lines[best].budgetFen ? i : best), 0);
	const to = from === 0 ? 1 : 0;
	const amountFen = Math.round(lines[from].budgetFen * 0.15 / 100) * 100;
	const base = { proposalId: running.id, organisationId: proposal.organisation_id, actorId: stationUser };
	must('budget change', await requestBudgetChange(db, { ...base, fromLine: from, toLine: to, amountFen, reason: '参与长者人数超出预期，需增加该项支出；原科目经比价后有结余。' }, now));
	const change = (await budgetChanges(db, running.id)).changes.at(-1)!;
	must('approval', await decideBudgetChange(db, { proposalId: running.id, roundId: round.id, changeId: change.id, decision: 'approve', comment: '理由充分，同意调整。', actorId: input.actorId }, now));
	const captions = ['长者健康讲座现场', '志愿者入户探访'];
	for (const [i, caption] of captions.entries()) {
		const id = must<string>('photo', await addReportFile(db, { ...base, kind: 'midterm', purpose: 'photo', fileName: `IMG_${2001 + i}.jpg`, bytes: await demoPhoto(20 + 90 * i), caption, showsMinors: false, guardianConsent: false, dir: input.dir ?? uploadDir() }, now));
		must('photo approval', await decideReportPhoto(db, { proposalId: running.id, roundId: round.id, fileId: id, decision: 'approve', actorId: input.actorId }, now));
	}
	return { proposalId: running.id };
}

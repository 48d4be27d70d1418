/**
 * `npm run eval:ranking`: the ranking evaluation over the full grid (src/lib/domain/ranking-evaluation.ts).
 * Synthetic panels with known true quality, assigned by the app's `autoAssign`, scored on the
 * default rubric; every ranking basis the app computes is compared with the truth (Kendall τ and
 * the funded set), and the cross-category share of the assignment is varied where it matters.
 * Prints the tables and the choice of default with its evidence, and appends them to
 * bench/ranking.md with the commit.
 *
 * Options: `--seeds N` per setting (default 200), `--no-append` (print only).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { CROSS_CATEGORY_SHARE } from '../src/lib/domain/assignment';
import { DEFAULT_RANKING_BASIS, EVALUATED_BASES, LEGACY_RANKING_BASES, type RankingBasis } from '../src/lib/domain/ranking';
import {
	chooseDefault,
	DEFAULT_GUARD,
	evaluateSetting,
	FUNDED_SHARE,
	RANKING_GRID,
	type SettingResult,
	type Summary
} from '../src/lib/domain/ranking-evaluation';

const seedsAt = process.argv.indexOf('--seeds');
const SEEDS = seedsAt >= 0 ? Number(process.argv[seedsAt + 1]) : 200;
const APPEND = !process.argv.includes('--no-append');
if (!Number.isInteger(SEEDS) || SEEDS < 1) throw new Error('--seeds takes a positive integer');

const NAMES: Record<RankingBasis, string> = {
	mean: 'mean',
	trimmed_mean: 'trimmed mean',
	calibrated: 'z-score calibrated',
	additive_model: 'additive model'
};
const BASES: RankingBasis[] = ['mean', 'trimmed_mean', 'calibrated', 'additive_model'];
if (BASES.length !== EVALUATED_BASES.length) throw new Error('a basis is missing from the report');

const f3 = (x: number) => (x < 0 ? '−' : '') + Math.abs(x).toFixed(3);
const signed = (x: number) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(3);
const diff = (s: Summary) => `${signed(s.mean)} ± ${(1.96 * s.se).toFixed(3)}`;
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();

const started = performance.now();
const lines: string[] = [];
const out = (line = '') => {
	lines.push(line);
	console.log(line);
};

const commit = git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : '');
const now = new Date().toISOString().slice(0, 16).replace('T', ' ');
out(`## ${now} UTC · commit ${commit} · ${SEEDS} seeds per setting · ${cpus().length} cores · Node ${process.version}`);
out();

const results: SettingResult[] = [];
for (const s of RANKING_GRID) {
	results.push(evaluateSetting(s, SEEDS));
	process.stderr.write(`  ${s.name} done\n`);
}

out('Kendall τ between each basis and the true quality, mean over seeds; in brackets, the mean');
out('paired difference to the plain mean on the same panels ± 1.96 standard errors.');
out();
out(`| setting | panel | reviews / reviewer | expert reviews | ${BASES.map((b) => NAMES[b]).join(' | ')} |`);
out(`|---|---|---:|---:|${BASES.map(() => '---:').join('|')}|`);
for (const r of results) {
	const s = r.setting;
	const cells = BASES.map((b) => (b === 'mean' ? f3(r.tau[b].mean) : `${f3(r.tau[b].mean)} (${diff(r.tauVsMean[b])})`));
	out(`| ${s.name} | ${s.about} | ${((s.proposals * s.perProposal) / s.reviewers).toFixed(0)} | ${(100 * r.expertShare).toFixed(0)} % | ${cells.join(' | ')} |`);
}
out();
out(`Funded-set overlap: the share of the truly best ${FUNDED_SHARE * 100} % that each basis also puts in its best ${FUNDED_SHARE * 100} %.`);
out();
out(`| setting | ${BASES.map((b) => NAMES[b]).join(' | ')} |`);
out(`|---|${BASES.map(() => '---:').join('|')}|`);
for (const r of results) out(`| ${r.setting.name} | ${BASES.map((b) => `${(100 * r.overlap[b].mean).toFixed(1)} %`).join(' | ')} |`);
out();

// The assignment's cross-category share, where categories and leniency can be confused.
const SHARES = [0, 0.1, 0.2, 0.3];
const SHARE_SETTINGS = ['clustered', 'category-leniency', 'category-quality'];
const shareBases: RankingBasis[] = ['mean', 'calibrated', 'additive_model'];
out(`Cross-category share of the assignment (default ${CROSS_CATEGORY_SHARE}): τ by basis as the share varies.`);
out();
out(`| setting | share | expert reviews | ${shareBases.map((b) => NAMES[b]).join(' | ')} |`);
out(`|---|---:|---:|${shareBases.map(() => '---:').join('|')}|`);
for (const name of SHARE_SETTINGS) {
	const base = RANKING_GRID.find((s) => s.name === name)!;
	for (const share of SHARES) {
		const r = evaluateSetting({ ...base, crossCategoryShare: share }, SEEDS, shareBases);
		out(`| ${name} | ${share} | ${(100 * r.expertShare).toFixed(0)} % | ${shareBases.map((b) => f3(r.tau[b].mean)).join(' | ')} |`);
	}
}
out();

const choice = chooseDefault(results);
const legacy: readonly RankingBasis[] = LEGACY_RANKING_BASES;
out(`**Default: ${NAMES[choice.basis]}** (\`${choice.basis}\`). Evidence:`);
out();
out(
	`- Never below the plain mean by more than ${-DEFAULT_GUARD} τ on average in any setting: ${choice.safe.map((b) => NAMES[b]).join(', ')}.`
);
for (const b of BASES) {
	const w = choice.worst[b];
	out(
		`- ${NAMES[b]}: average τ ${f3(choice.averageTau[b])}; worst against the mean in ${w.setting} (${signed(w.difference)}); beats every other basis beyond doubt in ${choice.winsIn[b].length ? choice.winsIn[b].join(', ') : 'no setting'}.`
	);
}
for (const b of legacy) {
	out(
		choice.winsIn[b].length
			? `- ${NAMES[b]} wins in ${choice.winsIn[b].join(', ')}: consider offering it again.`
			: `- ${NAMES[b]} wins in no setting: kept for rounds already ranked by it, not offered for new ones.`
	);
}
const failure = results.find((r) => r.setting.name === 'category-quality')!;
out(
	`- The z-score calibration's failure case, real differences between categories whose experts see mostly their own (category-quality): z-score calibrated ${signed(failure.tauVsMean.calibrated.mean)} against the plain mean, ${NAMES[choice.basis]} ${signed(failure.tauVsMean[choice.basis].mean)}.`
);
if (choice.basis !== DEFAULT_RANKING_BASIS) {
	out(`- The app's DEFAULT_RANKING_BASIS is \`${DEFAULT_RANKING_BASIS}\`: change it to \`${choice.basis}\`.`);
}
out();
out(`Run time ${((performance.now() - started) / 1000).toFixed(0)} s.`);
out();

if (APPEND) {
	appendFileSync('bench/ranking.md', lines.join('\n') + '\n');
	console.log('Appended to bench/ranking.md.');
}

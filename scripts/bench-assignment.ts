/**
 * `npm run bench:assignment`: times `autoAssign` on a city-scale round, 2,000 proposals and 60
 * reviewers with k = 5 (a city-like panel: a fifth of reviewers work for an applicant, ~1 %
 * declared conflicts), and prints the plan's loads, spread and expertise coverage. Wall-clock
 * and CPU time of the best of `--runs N` (default 5) runs, after one warm-up: the machine may be
 * shared, and the target is under one second. The result is appended to bench/assignment.md with
 * the commit (`--no-append` only prints it).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { autoAssign } from '../src/lib/domain/assignment';
import { generatedPanel } from '../tests/helpers/assignment-panel';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 5;
const APPEND = !process.argv.includes('--no-append');
const { proposals, reviewers, conflicted } = generatedPanel(2000, 60, 7);
const input = { proposals, reviewers, perProposal: 5, existing: [], conflicted };

let best = { wall: Infinity, cpu: Infinity };
const cold = performance.now();
let plan = autoAssign(input);
const first = performance.now() - cold;
for (let i = 0; i < RUNS; i++) {
	const cpu = process.cpuUsage();
	const started = performance.now();
	plan = autoAssign(input);
	const wall = performance.now() - started;
	const used = process.cpuUsage(cpu);
	best = { wall: Math.min(best.wall, wall), cpu: Math.min(best.cpu, (used.user + used.system) / 1000) };
}
const r = plan.report;
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const commit = git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : '');
const lines = [
	`## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · commit ${commit} · ${cpus().length} cores · Node ${process.version}`,
	'',
	'| proposals × reviewers | k | first run | best of ' + RUNS + ' (wall) | best (CPU) | assignments | short | loads | expert reviews | cross-category |',
	'|---|---:|---:|---:|---:|---:|---:|---|---:|---:|',
	`| 2,000 × 60 | 5 | ${first.toFixed(0)} ms | ${best.wall.toFixed(0)} ms | ${best.cpu.toFixed(0)} ms | ${r.added} | ${plan.short.length} | ${r.minLoad}–${r.maxLoad} (spread ${r.spread}) | ${((100 * r.matched) / r.added).toFixed(1)} % | ${r.crossCategory} |`,
	'',
	r.imbalance ? `Why not balanced: ${JSON.stringify(r.imbalance)}` : 'Balanced: max − min ≤ 1.',
	''
];
// On a shared machine the wall clock also counts the time other processes held the cores; the
// CPU time is what the assignment itself costs.
const verdict = `Target 1,000 ms: wall ${best.wall < 1000 ? 'under' : 'OVER'}, CPU ${best.cpu < 1000 ? 'under' : 'OVER'}.`;
lines.splice(lines.length - 1, 0, verdict, '');
console.log(lines.join('\n'));

if (APPEND) {
	if (!existsSync('bench/assignment.md')) {
		writeFileSync(
			'bench/assignment.md',
			'# Assignment benchmark\n\n`npm run bench:assignment` appends one section per run: `autoAssign` (min-cost flow) on a city-scale round, 2,000 proposals and 60 reviewers with k = 5 (a fifth of reviewers work for an applicant, ~1 % declared conflicts). Target: under 1 s. The machine may be shared: the best of several runs is the figure.\n\n'
		);
	}
	appendFileSync('bench/assignment.md', lines.join('\n') + '\n');
	console.log('Appended to bench/assignment.md.');
}

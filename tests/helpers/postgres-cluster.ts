import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away PostgreSQL server for the tests and the benchmark: `initdb` into a temporary
 * folder, started on a free port of its own (several may run on one machine) with durability off,
 * removed by `stop()`. As root (CI), initdb and pg_ctl run as the `postgres` user: initdb refuses
 * root. Needs the server binaries (Debian: `apt-get install postgresql`).
 */
export interface Cluster {
	port: number;
	dir: string;
	/** `postgres://postgres@127.0.0.1:PORT/` + `database`. */
	url: (database?: string) => string;
	stop: () => void;
}

/** The newest PostgreSQL server binaries installed the Debian way, or null. */
export function postgresBin(): string | null {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : null;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export async function startCluster(): Promise<Cluster> {
	const bin = postgresBin();
	if (!bin) throw new Error('No PostgreSQL server installed (looked in /usr/lib/postgresql/*/bin): apt-get install postgresql');
	const dir = mkdtempSync(join(tmpdir(), 'pg-test-'));
	const asRoot = process.getuid?.() === 0;
	if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
	const run = (tool: string, args: string[]) => {
		const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
		const result = spawnSync(command, argv, { cwd: dir, encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
	};
	const data = join(dir, 'data');
	try {
		// C.UTF-8 sorts text by code point, as SQLite does.
		run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
	} catch (e) {
		rmSync(dir, { recursive: true, force: true });
		throw e;
	}
	const port = await freePort();
	// No durability needed: the tests kill app servers, never this one, and throw it all away.
	const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400`;
	let stopped = false;
	const stop = () => {
		if (stopped) return;
		stopped = true;
		try {
			run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
		} catch {
			// Already down: nothing left but the folder.
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	};
	try {
		run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', settings, 'start']);
	} catch (e) {
		stop();
		throw e;
	}
	return { port, dir, stop, url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}` };
}

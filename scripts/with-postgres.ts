/**
 * `tsx scripts/with-postgres.ts <command…>`: runs the command with a PostgreSQL server for the
 * tests, so that `npm test` runs every integration and end-to-end test on both engines.
 *
 * - TEST_POSTGRES_URL set (`postgres://user@host:port/`, a server of your own on which the tests
 *   may create and drop databases): it is used and nothing is started.
 * - Else a throw-away cluster is started (initdb into a temporary folder, a free port, as the
 *   `postgres` user when run as root) and stopped when the command ends, fails or is interrupted.
 * - No PostgreSQL installed: with CI set this fails; elsewhere the tests run on SQLite only, with
 *   a warning.
 */
import { spawn } from 'node:child_process';
import { freePort, postgresBin, startCluster, type Cluster } from '../tests/helpers/postgres-cluster';

const command = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
if (command.length === 0) {
	console.error('usage: tsx scripts/with-postgres.ts <command…>');
	process.exit(2);
}

let cluster: Cluster | null = null;
const env = { ...process.env };
if (!env.TEST_POSTGRES_URL) {
	if (postgresBin()) {
		const started = Date.now();
		cluster = await startCluster();
		env.TEST_POSTGRES_URL = cluster.url('');
		console.log(`PostgreSQL for the tests on port ${cluster.port} (${cluster.dir}), ready in ${Date.now() - started} ms`);
	} else if (env.CI) {
		console.error('No PostgreSQL server installed (apt-get install postgresql), and CI must test both engines.');
		process.exit(1);
	} else {
		console.warn('No PostgreSQL server installed: the tests run on SQLite only (apt-get install postgresql, or set TEST_POSTGRES_URL).');
	}
}
if (env.TEST_POSTGRES_URL && !env.E2E_POSTGRES_PORT) env.E2E_POSTGRES_PORT = String(await freePort());

const stopCluster = () => {
	cluster?.stop();
	cluster = null;
};
process.on('exit', stopCluster);

const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => {
		// The command gets the signal too (from the terminal, or from here), ends, and then the cluster goes.
		child.kill(signal);
	});
}
child.on('exit', (code, signal) => {
	stopCluster();
	process.exit(code ?? (signal ? 1 : 0));
});

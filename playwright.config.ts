import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/helpers/chromium';
import { e2eTarget, type E2eEngine } from './tests/fixtures/accounts';

// The suite runs once per engine, each against a production server of its own: SQLite always,
// PostgreSQL when a server is given (TEST_POSTGRES_URL, set by scripts/with-postgres.ts for `npm test`).
const engines: E2eEngine[] = process.env.TEST_POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];
const PORT = Number(process.env.E2E_PORT ?? 4173);
// The PostgreSQL server's port: chosen free by scripts/with-postgres.ts, else the next one.
const ports: Record<E2eEngine, number> = { sqlite: PORT, postgres: Number(process.env.E2E_POSTGRES_PORT ?? PORT + 1) };
const baseURL = (engine: E2eEngine) => `http://127.0.0.1:${ports[engine]}`;

function databaseEnv(engine: E2eEngine): Record<string, string> {
	return engine === 'sqlite' ? { DATABASE_PATH: e2eTarget(engine) } : { DATABASE_URL: e2eTarget(engine) };
}

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	timeout: 90_000,
	expect: { timeout: 10_000 },
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		trace: 'retain-on-failure',
		launchOptions: chromiumLaunchOptions
	},
	// Tests find their engine by the project's name (tests/e2e/db.ts).
	projects: engines.map((engine) => ({ name: engine, use: { baseURL: baseURL(engine) } })),
	webServer: engines.map((engine) => ({
		// The server production runs (`npm start`): compression and all, around the built app.
		command: 'npx tsx tests/fixtures/seed-e2e.ts && node scripts/start.js',
		url: `${baseURL(engine)}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			...databaseEnv(engine),
			E2E_ENGINE: engine,
			UPLOAD_DIR: `tests/.tmp/uploads-${engine}`,
			BODY_SIZE_LIMIT: '12M',
			PORT: String(ports[engine]),
			HOST: '127.0.0.1',
			ORIGIN: baseURL(engine)
		}
	}))
});

import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { E2E_DATABASE } from './tests/fixtures/accounts';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium where Playwright cannot download its own; CHROMIUM_PATH overrides it, and
// elsewhere (a developer's laptop) Playwright's own browser is used.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const executablePath = process.env.CHROMIUM_PATH || systemChromium;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	timeout: 90_000,
	expect: { timeout: 10_000 },
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	webServer: {
		// The server production runs (`npm start`): compression and all, around the built app.
		command: 'npx tsx tests/fixtures/seed-e2e.ts && node scripts/start.js',
		url: `${baseURL}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			DATABASE_PATH: E2E_DATABASE,
			UPLOAD_DIR: 'tests/.tmp/uploads',
			BODY_SIZE_LIMIT: '12M',
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: baseURL
		}
	}
});

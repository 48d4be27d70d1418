import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { messages } from './scripts/vite-plugin-messages';
import { chromiumLaunchOptions } from './tests/helpers/chromium';

// The integration tests run on both engines when a PostgreSQL server is given (scripts/with-postgres.ts
// starts a throw-away one for `npm test`); `npx vitest run some.spec.ts` alone stays on SQLite.
const postgres = process.env.TEST_POSTGRES_URL
	? [
			{
				extends: true as const,
				test: {
					name: 'postgres',
					include: ['src/lib/server/**/*.spec.ts'],
					env: { TEST_ENGINE: 'postgres' },
					setupFiles: ['tests/helpers/test-database-cleanup.ts'],
					globalSetup: ['tests/helpers/postgres-template.ts']
				}
			}
		]
	: [];

export default defineConfig({
	plugins: [sveltekit(), messages()],
	test: {
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 20_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'sqlite',
					include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
					exclude: ['**/*.svelte.spec.ts'],
					setupFiles: ['tests/helpers/test-database-cleanup.ts']
				}
			},
			...postgres,
			{
				// Components with logic of their own, in a real Chromium (Svelte's browser test set-up):
				// hydration, which no server render and no end-to-end timing can pin down.
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/components/**/*.svelte.spec.ts'],
					globalSetup: ['tests/components/server-html.ts'],
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({ launchOptions: chromiumLaunchOptions }),
						instances: [{ browser: 'chromium' }]
					}
				}
			}
		]
	}
});

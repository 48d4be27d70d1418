import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { messages } from './scripts/vite-plugin-messages';

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
		setupFiles: ['tests/helpers/test-database-cleanup.ts'],
		projects: [{ extends: true, test: { name: 'sqlite', include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'] } }, ...postgres]
	}
});

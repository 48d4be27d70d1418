import { existsSync } from 'node:fs';

/**
 * How the tests start Chromium: Debian's where Playwright cannot download its own, CHROMIUM_PATH
 * overriding it, and Playwright's own browser elsewhere (a developer's laptop). Shared by the
 * end-to-end suite (playwright.config.ts) and the component tests (vite.config.ts).
 */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const chromiumLaunchOptions = {
	executablePath: process.env.CHROMIUM_PATH || systemChromium,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
};

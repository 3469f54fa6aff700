import { existsSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';
import { OWNER } from '../../../scripts/lib/n8n';

/* Debian's chromium, driven by playwright-core: headless, sandbox off (CI runs as root), a fresh profile. */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface BrowserSession {
	context: BrowserContext;
	page: Page;
	close(): Promise<void>;
}

export async function openBrowser(): Promise<BrowserSession> {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
	// n8n's editor marks elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	const profile = mkdtempSync(path.join(os.tmpdir(), 'adh-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 1400, height: 900 },
	});
	context.setDefaultTimeout(30000);
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

/** Signs in to the n8n editor as the owner the global setup created. */
export async function signInToN8n(page: Page, n8nUrl: string): Promise<void> {
	await page.goto(`${n8nUrl}/signin`);
	await page.fill('#emailOrLdapLoginId', OWNER.email);
	await page.fill('#password', OWNER.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => !url.pathname.includes('signin'));
}

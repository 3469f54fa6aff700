import path from 'path';
import type { Page } from 'playwright-core';
import { oauthCallbackUrl } from '../../scripts/lib/n8n';
import { registerClient } from '../e2e/support/connect';
import { phase, repoRoot } from '../e2e/support/environment';
import { useSession } from '../e2e/support/session';
import { openBrowser, signInToN8n, type BrowserSession } from './support/browser';

const docs = (file: string) => path.join(repoRoot, 'docs', file);

describe('the n8n editor, in Chromium', () => {
	const session = useSession();
	let browser: BrowserSession;
	let page: Page;

	beforeAll(async () => {
		browser = await openBrowser();
		page = browser.page;
		await signInToN8n(page, session.n8n.url);
	});
	afterAll(async () => await browser?.close());

	it('creates the OAuth2 credential and connects the account through the Hub popup', async () => {
		const client = await registerClient(session.hub, oauthCallbackUrl(session.n8n.url));
		await phase('browser: create and connect the credential', async () => {
			await page.goto(`${session.n8n.url}/home/credentials/create`);
			await page.getByTestId('new-credential-type-select').locator('input').fill('Agentic Developer Hub OAuth2');
			await page.getByTestId('new-credential-type-select-option').filter({ hasText: 'Agentic Developer Hub OAuth2 API' }).click();
			await page.getByTestId('new-credential-type-button').click();

			// The dialog shows the redirect URL to register at the Hub.
			await expect(page.getByTestId('credential-edit-dialog').textContent()).resolves.toContain(oauthCallbackUrl(session.n8n.url));
			await page.getByTestId('parameter-input-clientId').locator('input').fill(client.clientId);
			await page.getByTestId('parameter-input-clientSecret').locator('input').fill(client.clientSecret);
			await page.getByTestId('parameter-input-baseUrl').locator('input').fill(session.hub.url);
			await choosePermissions(page, ['Profile: Read', 'Discussions: Read']);
			await page.getByTestId('credential-save-button').click();
			// Saved once it can be deleted; Connect before that would save (create) it a second time.
			await page.getByTestId('credential-delete-button').waitFor({ state: 'visible' });

			const popupOpened = browser.context.waitForEvent('page');
			await page.getByTestId('quick-connect-button').click();
			const popup = await popupOpened;
			await popup.waitForURL((url) => url.href.startsWith(`${session.hub.url}/api/oauth/signin/start`));
			const ada = session.user('ada@example.com');
			await popup.fill('#email', ada.email);
			await popup.fill('#password', ada.password);
			await popup.getByRole('button', { name: 'Sign in' }).click();
			await popup.getByRole('button', { name: 'Approve' }).waitFor();
			await expect(popup.locator('body').textContent()).resolves.toMatch(/profile:read[\s\S]*discussions:read/);
			await popup.screenshot({ path: docs('consent-page.png') });
			await popup.getByRole('button', { name: 'Approve' }).click();

			// n8n's callback page reports back to the editor and closes the popup.
			await page.getByTestId('oauth-connect-success-banner').waitFor({ state: 'visible' });
			await expect(page.getByTestId('oauth-connect-success-banner').textContent()).resolves.toContain('Account connected');
			if (!popup.isClosed()) await popup.waitForEvent('close');
			await page.screenshot({ path: docs('credential-dialog.png') });
		});

		const credentials = await session.n8n.data<Array<{ id: string; type: string }>>('GET', '/rest/credentials');
		const created = credentials.filter((credential) => credential.type === 'agenticDeveloperHubOAuth2Api');
		expect(created).toHaveLength(1);
		expect((await session.n8n.getCredential(created[0].id)).data.oauthTokenData).toBe(true);
		await page.keyboard.press('Escape');
	});

	it('adds the node to a canvas and executes it with that credential', async () => {
		await phase('browser: add the node and execute it', async () => {
			await page.goto(`${session.n8n.url}/workflow/new`);
			await page.getByTestId('canvas-add-button').click();
			await page.getByTestId('node-creator-search-bar').fill('manual');
			await page.getByTestId('node-creator-item-name').filter({ hasText: 'Manual Trigger' }).click();

			await page.getByTestId('node-creator-plus-button').click();
			await page.getByTestId('node-creator-search-bar').fill('Agentic Developer Hub');
			await page.getByTestId('node-creator-item-name').filter({ hasText: 'Agentic Developer Hub' }).first().click();
			await page.getByTestId('node-creator-item-name').filter({ hasText: 'Get the signed in user' }).click();

			await page.getByTestId('node-execute-button').click();
			await page.getByText('ada@example.com').first().waitFor({ state: 'visible' });
			await page.screenshot({ path: docs('node-output.png') });
		});
	});
});

/** Makes sure exactly these Permissions are ticked in the credential's multi-select. */
async function choosePermissions(page: Page, wanted: string[]): Promise<void> {
	await page.getByTestId('parameter-input-permissions').click();
	const options = await page.locator('li[role=option]').filter({ hasText: /^(Profile|Discussions|Integrations): / }).all();
	expect(options).toHaveLength(4);
	for (const option of options) {
		const label = (await option.textContent()) ?? '';
		const shouldBeOn = wanted.some((name) => label.startsWith(name));
		const isOn = (await option.getAttribute('aria-selected')) === 'true';
		if (shouldBeOn !== isOn) await option.click();
	}
	await page.keyboard.press('Escape');
}

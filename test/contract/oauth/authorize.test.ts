import { startHub, type Hub } from '../../hub';
import { authorizeUrl, parseForm, pkcePair, signInAndConsent, type AuthorizeParams } from '../../hub/testing';

describe('authorize: GET /api/oauth/signin/start (hub-api.md 1.3)', () => {
	let hub: Hub;
	let client: { clientId: string; clientSecret: string; redirectUris: string[] };
	const ada = { email: 'ada@example.com', password: 'ada-password' };

	beforeAll(async () => {
		hub = await startHub();
		client = hub.info().clients[0];
	});
	afterAll(() => hub.close());

	const params = (overrides: Partial<AuthorizeParams> = {}): AuthorizeParams => ({
		clientId: client.clientId,
		redirectUri: client.redirectUris[0],
		scopes: ['profile:read', 'discussions:read'],
		state: 'state-123',
		challenge: pkcePair().challenge,
		...overrides,
	});
	const open = (overrides: Partial<AuthorizeParams> = {}) =>
		fetch(authorizeUrl(hub, params(overrides)), { redirect: 'manual' });

	async function expectRedirectError(overrides: Partial<AuthorizeParams>, error: string) {
		const response = await open(overrides);
		expect(response.status).toBe(303);
		const target = new URL(response.headers.get('location')!);
		expect(`${target.origin}${target.pathname}`).toBe(client.redirectUris[0]);
		expect(target.searchParams.get('error')).toBe(error);
		expect(target.searchParams.get('error_description')).toEqual(expect.any(String));
		expect(target.searchParams.get('state')).toBe('state-123');
		expect(target.searchParams.get('code')).toBeNull();
	}

	it('shows a sign-in form for a valid request', async () => {
		const response = await open();
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		const html = await response.text();
		expect(html).toContain('name="email"');
		expect(html).toContain('type="password"');
		expect(parseForm(html).action).toBe('/api/oauth/signin/login');
	});

	it('refuses code_challenge_method=plain, redirecting invalid_request', async () => {
		await expectRedirectError({ method: 'plain' }, 'invalid_request');
	});

	it('requires S256: a missing method or challenge is invalid_request', async () => {
		await expectRedirectError({ method: '' }, 'invalid_request');
		await expectRedirectError({ challenge: undefined }, 'invalid_request');
		await expectRedirectError({ challenge: 'too-short' }, 'invalid_request');
	});

	it('answers invalid_scope for unknown or missing scopes', async () => {
		await expectRedirectError({ scopes: 'profile:read admin:everything' }, 'invalid_scope');
		await expectRedirectError({ scopes: '' }, 'invalid_scope');
	});

	it('answers unsupported_response_type for anything but code', async () => {
		await expectRedirectError({ responseType: 'token' }, 'unsupported_response_type');
	});

	it.each([
		['an unknown client', { clientId: 'adh_client_unknown' }],
		['a redirect URI with an extra trailing slash', { redirectUri: 'http://localhost:5678/rest/oauth2-credential/callback/' }],
		['a redirect URI on another port', { redirectUri: 'http://localhost:5679/rest/oauth2-credential/callback' }],
		['a redirect URI with another scheme', { redirectUri: 'https://localhost:5678/rest/oauth2-credential/callback' }],
		['a missing redirect URI', { redirectUri: '' }],
	])('answers %s with a 400 error page, never a redirect', async (_, overrides) => {
		const response = await open({ ...overrides, method: 'plain' });
		expect(response.status).toBe(400);
		expect(response.headers.get('location')).toBeNull();
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		expect(await response.text()).toContain('Cannot continue');
	});

	it('approves: redirects to the exact redirect URI with a code and the state unchanged', async () => {
		const state = 'a state/with spaces & symbols=?';
		const back = await signInAndConsent(authorizeUrl(hub, params({ state })), ada);
		expect(`${back.origin}${back.pathname}`).toBe(client.redirectUris[0]);
		expect(back.hash).toBe('');
		expect(back.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
		expect(back.searchParams.get('state')).toBe(state);
	});

	it('accepts the second registered redirect URI too', async () => {
		const back = await signInAndConsent(authorizeUrl(hub, params({ redirectUri: client.redirectUris[1] })), ada);
		expect(`${back.origin}${back.pathname}`).toBe(client.redirectUris[1]);
		expect(back.searchParams.get('code')).toBeTruthy();
	});

	it('lists each requested scope with its description on the consent page', async () => {
		const signIn = await (await open({ scopes: ['profile:read', 'discussions:write'] })).text();
		const form = parseForm(signIn);
		const consent = await fetch(new URL(form.action, hub.url), {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...form.fields, ...ada }).toString(),
		});
		expect(consent.status).toBe(200);
		const html = await consent.text();
		expect(html).toContain('<code>profile:read</code>');
		expect(html).toContain('Read your profile');
		expect(html).toContain('<code>discussions:write</code>');
		expect(html).not.toContain('<code>discussions:read</code>');
		expect(html).not.toContain('<code>integrations:manage</code>');
		expect(html).toMatch(/value="approve">Approve</);
		expect(html).toMatch(/value="deny">Deny</);
		expect(html).toContain('Ada Lovelace');
		expect(html).not.toContain('ada-password');
	});

	it('Deny redirects access_denied with the state', async () => {
		const back = await signInAndConsent(authorizeUrl(hub, params()), ada, 'deny');
		expect(back.searchParams.get('error')).toBe('access_denied');
		expect(back.searchParams.get('state')).toBe('state-123');
		expect(back.searchParams.get('code')).toBeNull();
	});

	it('rejects a wrong password with the sign-in page again, without echoing the password', async () => {
		const form = parseForm(await (await open()).text());
		const response = await fetch(new URL(form.action, hub.url), {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...form.fields, email: 'ada@example.com', password: 'not-her-password' }).toString(),
		});
		expect(response.status).toBe(401);
		const html = await response.text();
		expect(html).toContain('Wrong email or password');
		expect(html).not.toContain('not-her-password');
		expect(response.headers.get('set-cookie')).toBeNull();
	});

	it('skips the sign-in page for a browser that already signed in (session cookie)', async () => {
		const form = parseForm(await (await open()).text());
		const signedIn = await fetch(new URL(form.action, hub.url), {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...form.fields, ...ada }).toString(),
		});
		const cookie = signedIn.headers.get('set-cookie')!.split(';')[0];
		const again = await fetch(authorizeUrl(hub, params()), { headers: { Cookie: cookie } });
		expect(again.status).toBe(200);
		const html = await again.text();
		expect(html).toContain('value="approve"');
		expect(html).not.toContain('type="password"');
	});

	it('refuses a consent post with a wrong nonce or an unknown request', async () => {
		const response = await fetch(`${hub.url}/api/oauth/signin/consent`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ request: 'nope', nonce: 'nope', decision: 'approve' }).toString(),
		});
		expect(response.status).toBe(400);
		expect(response.headers.get('location')).toBeNull();
	});

	it('expires an unanswered sign-in request after 10 minutes', async () => {
		const form = parseForm(await (await open()).text());
		hub.clock.advance(10 * 60 * 1000 + 1000);
		const response = await fetch(new URL(form.action, hub.url), {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...form.fields, ...ada }).toString(),
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('expired');
	});
});

import { createHash, randomBytes } from 'crypto';
import type { Hub } from './hub';
import type { Scope } from './state';
import type { TokenResponse } from './oauth/tokens';
import { violationReport, type RecordedViolation } from './middleware/contract';

/** A JSON call to the control API; throws on non-2xx. */
export async function controlRequest<T = any>(hub: Hub, method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(hub.url + path, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
	return (text ? JSON.parse(text) : {}) as T;
}

interface HtmlForm {
	action: string;
	fields: Record<string, string>;
}

const decodeEntities = (text: string) =>
	text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');

/** The first `<form>` of a page: its action and its hidden fields. */
export function parseForm(html: string): HtmlForm {
	const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
	if (!form) throw new Error('The page has no form');
	const fields: Record<string, string> = {};
	for (const input of form[2].matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
		fields[decodeEntities(input[1])] = decodeEntities(input[2]);
	}
	return { action: decodeEntities(form[1]), fields };
}

async function postForm(url: URL, fields: Record<string, string>, cookie?: string): Promise<Response> {
	return fetch(url, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
		body: new URLSearchParams(fields).toString(),
	});
}

function redirectTarget(response: Response, base: URL): URL {
	const location = response.headers.get('location');
	if (response.status < 300 || response.status > 399 || !location) {
		throw new Error(`Expected a redirect, got ${response.status}`);
	}
	return new URL(location, base);
}

/**
 * Drives the sign-in and consent pages as a browser would (form posts) and returns the URL the
 * Hub finally redirects to: `redirect_uri?code=...&state=...` or `?error=...`.
 */
export async function signInAndConsent(
	authorizeUrl: string | URL,
	credentials: { email: string; password: string },
	decision: 'approve' | 'deny' = 'approve',
): Promise<URL> {
	const start = new URL(authorizeUrl);
	const first = await fetch(start, { redirect: 'manual' });
	if (first.status >= 300 && first.status < 400) return redirectTarget(first, start);
	const signIn = await first.text();
	if (first.status !== 200) throw new Error(`The authorize page answered ${first.status}: ${signIn.slice(0, 300)}`);
	const signInForm = parseForm(signIn);
	const signedIn = await postForm(new URL(signInForm.action, start), { ...signInForm.fields, ...credentials });
	const consent = await signedIn.text();
	if (signedIn.status !== 200) throw new Error(`Sign-in answered ${signedIn.status}`);
	const consentForm = parseForm(consent);
	const cookie = signedIn.headers.get('set-cookie')?.split(';')[0];
	const decided = await postForm(new URL(consentForm.action, start), { ...consentForm.fields, decision }, cookie);
	return redirectTarget(decided, start);
}

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
	const verifier = randomBytes(32).toString('base64url');
	return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeParams {
	clientId: string;
	redirectUri: string;
	scopes: Scope[] | string;
	state?: string;
	challenge?: string;
	method?: string;
	responseType?: string;
}

export function authorizeUrl(hub: Hub, params: AuthorizeParams): URL {
	const url = new URL('/api/oauth/signin/start', hub.url);
	const scope = Array.isArray(params.scopes) ? params.scopes.join(' ') : params.scopes;
	const query: Record<string, string | undefined> = {
		response_type: params.responseType ?? 'code',
		client_id: params.clientId,
		redirect_uri: params.redirectUri,
		scope,
		state: params.state,
		code_challenge: params.challenge,
		code_challenge_method: params.method ?? 'S256',
	};
	for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
	return url;
}

interface FlowOptions {
	scopes: Scope[];
	/** Email or id of a seeded user (default Ada). */
	user?: string;
	clientId?: string;
	clientSecret?: string;
	redirectUri?: string;
}

/** Sign-in and consent up to the code: what an app holds right before the exchange. */
export async function obtainCode(
	hub: Hub,
	options: FlowOptions,
): Promise<{ code: string; verifier: string; clientId: string; clientSecret: string; redirectUri: string }> {
	const info = hub.info();
	const client = info.clients[0];
	const clientId = options.clientId ?? client.clientId;
	const clientSecret = options.clientSecret ?? client.clientSecret;
	const redirectUri = options.redirectUri ?? client.redirectUris[0];
	const wanted = options.user ?? 'ada@example.com';
	const user = info.users.find((candidate) => candidate.email === wanted || candidate.id === wanted);
	if (!user) throw new Error(`No seeded user ${wanted}`);
	const { verifier, challenge } = pkcePair();
	const state = randomBytes(8).toString('hex');
	const back = await signInAndConsent(authorizeUrl(hub, { clientId, redirectUri, scopes: options.scopes, state, challenge }), {
		email: user.email,
		password: user.password,
	});
	const code = back.searchParams.get('code');
	if (!code) throw new Error(`The Hub sent back ${back.searchParams.get('error')} instead of a code`);
	return { code, verifier, clientId, clientSecret, redirectUri };
}

/** The whole PKCE flow (default client, Ada unless `user` names another); the token response. */
export async function obtainTokens(hub: Hub, options: FlowOptions): Promise<TokenResponse> {
	const { code, verifier, clientId, clientSecret, redirectUri } = await obtainCode(hub, options);
	const response = await fetch(`${hub.url}/api/oauth/signin/exchange`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			code_verifier: verifier,
			client_id: clientId,
			client_secret: clientSecret,
		}).toString(),
	});
	const body = (await response.json()) as Record<string, unknown>;
	if (!response.ok) throw new Error(`The exchange answered ${response.status} ${body.error}`);
	return body as unknown as TokenResponse;
}

export interface HttpResult<T = any> {
	status: number;
	headers: Headers;
	body: T;
	text: string;
}

async function toResult(response: Response): Promise<HttpResult> {
	const text = await response.text();
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		// not JSON: keep the text
	}
	return { status: response.status, headers: response.headers, body, text };
}

/** A call to a Hub route with an optional bearer token and JSON body; never throws on status. */
export async function hubRequest<T = any>(
	hub: Hub,
	method: string,
	path: string,
	options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
	const headers: Record<string, string> = { ...(options.headers ?? {}) };
	if (options.token) headers.Authorization = `Bearer ${options.token}`;
	if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
	const response = await fetch(hub.url + path, {
		method,
		headers,
		body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
	});
	return toResult(response);
}

/**
 * A POST to a token endpoint, form-encoded (as n8n sends) or JSON (as the docs show); `basic`
 * sends the client credentials as HTTP Basic instead of in the body.
 */
export async function tokenRequest<T = any>(
	hub: Hub,
	path: '/api/oauth/signin/exchange' | '/api/auth/refresh' | '/api/auth/revoke',
	params: Record<string, string>,
	options: { encoding?: 'form' | 'json'; basic?: { clientId: string; clientSecret: string } } = {},
): Promise<HttpResult<T>> {
	const headers: Record<string, string> = {};
	if (options.basic) {
		const pair = `${encodeURIComponent(options.basic.clientId)}:${encodeURIComponent(options.basic.clientSecret)}`;
		headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
	}
	const json = options.encoding === 'json';
	headers['Content-Type'] = json ? 'application/json' : 'application/x-www-form-urlencoded';
	const response = await fetch(hub.url + path, {
		method: 'POST',
		headers,
		body: json ? JSON.stringify(params) : new URLSearchParams(params).toString(),
	});
	return toResult(response);
}

/**
 * Takes the published-types violations the Hub recorded (they no longer fail the test), as
 * `<request|response> <location>: <message>` lines: how a test that sent bad input on purpose says so.
 */
export function takeViolations(hub: Hub): string[] {
	return hub.takeViolations().map((violation) => `${violation.kind} ${violation.location}: ${violation.message}`);
}

/**
 * What a sandbox Hub in another process (the e2e suite's, the real-n8n bench's) recorded against the
 * published types (`GET /__sandbox/violations`), as a report: '' when nothing, else the violations or
 * why they could not be read.
 */
export async function remoteViolationReport(hubUrl: string, when: string): Promise<string> {
	try {
		const response = await fetch(`${hubUrl}/__sandbox/violations`);
		if (!response.ok) throw new Error(`GET /__sandbox/violations answered ${response.status}`);
		return violationReport(((await response.json()) as { violations: RecordedViolation[] }).violations, when);
	} catch (error) {
		return `Could not read the sandbox Hub's violations ${when}: ${(error as Error).message}`;
	}
}

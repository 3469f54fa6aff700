import { headerValue, type HubRequest } from '../core/http';
import type { Reply, RouteContext } from '../core/router';
import type { Hub } from '../hub';
import { consentPage, errorPage, signInPage } from './pages';
import { parseScopes } from './scopes';
import { randomSecret, sameSecret, tokenKey } from './secrets';
import type { AuthorizationRequest } from './state';

const AUTHORIZATION_REQUEST_TTL_MS = 10 * 60 * 1000;
const CODE_TTL_MS = 60 * 1000;
const SESSION_TTL_MS = 60 * 60 * 1000;
const SESSION_COOKIE = 'adh_session';
const CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/;

/** Sends the browser back to the app (hub-api.md 1.3: query, not fragment; `state` echoed). */
function redirectToApp(redirectUri: string, params: Record<string, string | undefined>): Reply {
	const target = new URL(redirectUri);
	for (const [name, value] of Object.entries(params)) {
		if (value !== undefined) target.searchParams.set(name, value);
	}
	return { status: 303, headers: { Location: target.toString(), 'Cache-Control': 'no-store' } };
}

function formFields(req: HubRequest): Record<string, string> {
	const body = req.body;
	if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
	return Object.fromEntries(
		Object.entries(body as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
	);
}

function sessionUserId(hub: Hub, req: HubRequest): string | undefined {
	const cookies = headerValue(req.headers, 'cookie') ?? '';
	const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookies);
	const session = match ? hub.state.auth.sessions[tokenKey(match[1])] : undefined;
	if (!session || session.expiresAt <= hub.clock.now() || !hub.state.auth.users[session.userId]) return undefined;
	return session.userId;
}

function purgeExpired(hub: Hub): void {
	const auth = hub.state.auth;
	const now = hub.clock.now();
	for (const table of [auth.authorizationRequests, auth.sessions] as Array<Record<string, { expiresAt: number }>>) {
		for (const [key, record] of Object.entries(table)) if (record.expiresAt <= now) delete table[key];
	}
	// Used codes stay until they expire twice over, so a late replay still revokes its grant.
	for (const [key, code] of Object.entries(auth.codes)) if (code.expiresAt + CODE_TTL_MS <= now) delete auth.codes[key];
}

function showConsent(hub: Hub, request: AuthorizationRequest, userId: string): Reply {
	request.userId = userId;
	request.consentNonce = randomSecret(18);
	return consentPage({
		requestId: request.id,
		nonce: request.consentNonce,
		clientName: hub.state.auth.clients[request.clientId]?.name ?? 'An app',
		user: hub.state.auth.users[userId],
		scopes: request.scopes,
	});
}

/** `GET /api/oauth/signin/start` (hub-api.md 1.3). */
export function start({ hub, req }: RouteContext): Reply {
	purgeExpired(hub);
	const query = (name: string) => req.query.get(name) ?? undefined;
	const client = hub.state.auth.clients[query('client_id') ?? ''];
	if (!client) return errorPage(400, 'This app is not registered with the Hub (unknown client_id).');
	const redirectUri = query('redirect_uri');
	if (!redirectUri || !client.redirectUris.includes(redirectUri)) {
		return errorPage(400, 'The redirect_uri is not registered for this app, so the Hub will not send you there.');
	}
	const state = query('state');
	const fail = (error: string, description: string) =>
		redirectToApp(redirectUri, { error, error_description: description, state });
	const responseType = query('response_type');
	if (!responseType) return fail('invalid_request', 'response_type is required');
	if (responseType !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported');
	const challenge = query('code_challenge');
	if (!challenge) return fail('invalid_request', 'code_challenge is required (PKCE)');
	if (query('code_challenge_method') !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
	if (!CHALLENGE.test(challenge)) return fail('invalid_request', 'code_challenge is malformed');
	const scopes = parseScopes(query('scope'));
	if (!scopes) return fail('invalid_scope', 'scope must list known scopes, space-separated');
	const request: AuthorizationRequest = {
		id: randomSecret(18),
		clientId: client.clientId,
		redirectUri,
		scopes,
		state,
		codeChallenge: challenge,
		expiresAt: hub.clock.now() + AUTHORIZATION_REQUEST_TTL_MS,
	};
	hub.state.auth.authorizationRequests[request.id] = request;
	const userId = sessionUserId(hub, req);
	if (userId) return showConsent(hub, request, userId);
	return signInPage({ requestId: request.id, clientName: client.name });
}

function pendingRequest(hub: Hub, id: string | undefined): AuthorizationRequest | undefined {
	const request = id ? hub.state.auth.authorizationRequests[id] : undefined;
	return request && request.expiresAt > hub.clock.now() ? request : undefined;
}

const EXPIRED = 'This sign-in request is unknown or has expired. Start again from the app.';

/** `POST /api/oauth/signin/login`: the sign-in form. */
export function login({ hub, req }: RouteContext): Reply {
	const form = formFields(req);
	const request = pendingRequest(hub, form.request);
	if (!request) return errorPage(400, EXPIRED);
	const email = (form.email ?? '').trim().toLowerCase();
	const user = Object.values(hub.state.auth.users).find((candidate) => candidate.email === email);
	if (!user || !sameSecret(form.password ?? '', user.password)) {
		const clientName = hub.state.auth.clients[request.clientId]?.name ?? 'An app';
		return signInPage({ requestId: request.id, clientName, email, failed: true });
	}
	const sessionId = randomSecret();
	hub.state.auth.sessions[tokenKey(sessionId)] = {
		id: hub.newId(),
		userId: user.id,
		expiresAt: hub.clock.now() + SESSION_TTL_MS,
	};
	const reply = showConsent(hub, request, user.id);
	reply.headers = {
		...reply.headers,
		'Set-Cookie': `${SESSION_COOKIE}=${sessionId}; Path=/api/oauth; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_MS / 1000}`,
	};
	return reply;
}

/** `POST /api/oauth/signin/consent`: Approve or Deny. */
export function consent({ hub, req }: RouteContext): Reply {
	const form = formFields(req);
	const request = pendingRequest(hub, form.request);
	if (!request || !request.userId || !request.consentNonce || !sameSecret(form.nonce ?? '', request.consentNonce)) {
		return errorPage(400, EXPIRED);
	}
	delete hub.state.auth.authorizationRequests[request.id];
	if (form.decision !== 'approve') {
		return redirectToApp(request.redirectUri, {
			error: 'access_denied',
			error_description: 'The user denied access',
			state: request.state,
		});
	}
	const code = randomSecret();
	hub.state.auth.codes[tokenKey(code)] = {
		clientId: request.clientId,
		redirectUri: request.redirectUri,
		codeChallenge: request.codeChallenge,
		userId: request.userId,
		scopes: request.scopes,
		expiresAt: hub.clock.now() + CODE_TTL_MS,
		used: false,
	};
	return redirectToApp(request.redirectUri, { code, state: request.state });
}

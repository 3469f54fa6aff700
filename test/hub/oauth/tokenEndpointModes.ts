import { z } from 'zod';
import { HubError } from '../core/errors';
import { headerValue } from '../core/http';
import type { Handler, Reply, Router } from '../core/router';
import { validate } from '../core/validate';
import { oauthError } from './clientAuth';

/*
 * Ways the real Hub's token endpoint may differ from hub-api.md section 1 (its section 4), as
 * switches for the probe's tests (scripts/probe.ts): `standard` is section 1; `json-only` refuses a
 * form body (the OAuth docs show JSON); `refresh-elsewhere` refreshes only at /api/auth/refresh;
 * `published-signin` answers as the published types' sign-in does (`{ token, refreshToken,
 * expiresIn }`, errors in the Hub's nested shape).
 */

export const TOKEN_ENDPOINT_MODES = ['standard', 'json-only', 'refresh-elsewhere', 'published-signin'] as const;
export type TokenEndpointMode = (typeof TOKEN_ENDPOINT_MODES)[number];

const EXCHANGE = '/api/oauth/signin/exchange';

function grantTypeOf(body: unknown): unknown {
	return typeof body === 'object' && body !== null ? (body as Record<string, unknown>).grant_type : undefined;
}

/** The published sign-in answer: camelCase fields. */
function publishedSignIn(reply: Reply): Reply {
	const body = reply.body as Record<string, unknown>;
	return { ...reply, body: { token: body.access_token, refreshToken: body.refresh_token, expiresIn: body.expires_in } };
}

/** A token route (exchange, refresh) as the Hub's current mode answers it. */
export function inTokenEndpointMode(handler: Handler): Handler {
	return async (context) => {
		const { hub, req } = context;
		const mode = hub.settings.tokenEndpoint;
		if (mode === 'json-only' && !/^application\/json\b/i.test(headerValue(req.headers, 'content-type') ?? '')) {
			throw oauthError(415, 'invalid_request', 'Content-Type must be application/json');
		}
		if (mode === 'refresh-elsewhere' && req.path === EXCHANGE && grantTypeOf(req.body) === 'refresh_token') {
			throw oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code: refresh at /api/auth/refresh');
		}
		if (mode !== 'published-signin') return await handler(context);
		try {
			return publishedSignIn(await handler(context));
		} catch (error) {
			if (error instanceof HubError) throw new HubError(error.status, error.code, error.message, { shape: 'nested' });
			throw error;
		}
	};
}

/** `POST /__sandbox/token-endpoint { mode }`. */
export function registerTokenEndpointModeRoute(router: Router): void {
	router.add('POST', '/__sandbox/token-endpoint', ({ hub, req }) => {
		const { mode } = validate(z.object({ mode: z.enum(TOKEN_ENDPOINT_MODES) }), req.body);
		hub.settings.tokenEndpoint = mode;
		return { status: 200, body: { mode } };
	});
}

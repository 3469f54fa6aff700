import { HubError } from '../core/errors';
import { headerValue, type HubRequest } from '../core/http';
import type { Hub } from '../hub';
import { sameSecret } from './secrets';
import type { ClientRecord } from './state';

/** The OAuth error shape of hub-api.md 1.4, whatever the route's shape. */
export function oauthError(status: number, code: string, message: string, headers?: Record<string, string>): HubError {
	return new HubError(status, code, message, { shape: 'oauth', headers });
}

export const invalidRequest = (message: string) => oauthError(400, 'invalid_request', message);
export const invalidGrant = (message: string) => oauthError(400, 'invalid_grant', message);

export type OAuthParams = (name: string) => string | undefined;

/** Reads string parameters of a JSON or form body; anything else is invalid_request. */
export function oauthParams(req: HubRequest): OAuthParams {
	const body = req.body ?? {};
	if (typeof body !== 'object' || Array.isArray(body)) {
		throw invalidRequest('The request body must be a JSON object or a form');
	}
	const fields = body as Record<string, unknown>;
	return (name) => {
		const value = fields[name];
		if (value === undefined || value === null || value === '') return undefined;
		if (typeof value !== 'string') throw invalidRequest(`${name} must be a string`);
		return value;
	};
}

interface PresentedCredentials {
	clientId?: string;
	clientSecret?: string;
	viaBasic: boolean;
}

function basicCredentials(req: HubRequest): PresentedCredentials | undefined {
	const header = headerValue(req.headers, 'authorization');
	if (!header || !/^Basic /i.test(header)) return undefined;
	const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) throw invalidClient(true, 'The Basic credentials are malformed');
	// RFC 6749 section 2.3.1: both parts are form-urlencoded before base64.
	const part = (text: string) => {
		try {
			return decodeURIComponent(text.replace(/\+/g, ' '));
		} catch {
			return text;
		}
	};
	return { clientId: part(decoded.slice(0, colon)), clientSecret: part(decoded.slice(colon + 1)), viaBasic: true };
}

function invalidClient(viaBasic: boolean, message = 'Unknown client or wrong client secret'): HubError {
	return oauthError(401, 'invalid_client', message, viaBasic ? { 'WWW-Authenticate': 'Basic realm="Agentic Developer Hub"' } : undefined);
}

/** The client behind HTTP Basic or `client_id` + `client_secret` in the body (hub-api.md 1.4). */
export function authenticateClient(hub: Hub, req: HubRequest, param: OAuthParams): ClientRecord {
	const basic = basicCredentials(req);
	const body: PresentedCredentials = { clientId: param('client_id'), clientSecret: param('client_secret'), viaBasic: false };
	if (basic && (body.clientId !== undefined || body.clientSecret !== undefined)) {
		const differs =
			(body.clientId !== undefined && body.clientId !== basic.clientId) ||
			(body.clientSecret !== undefined && body.clientSecret !== basic.clientSecret);
		if (differs) throw invalidRequest('The client credentials in the body differ from the Basic credentials');
	}
	const presented = basic ?? body;
	if (!presented.clientId) throw invalidClient(false, 'Client authentication is required: send client_id and client_secret');
	const client = hub.state.auth.clients[presented.clientId];
	if (!client || !presented.clientSecret || !sameSecret(presented.clientSecret, client.clientSecret)) {
		throw invalidClient(presented.viaBasic);
	}
	return client;
}

import { NodeOperationError } from 'n8n-workflow';
import type { CredentialSnapshot } from './credentialSnapshot';
import type { HubContext } from './request';

const SECURE_BASE_URL = /^https:\/\/|^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/i;
/** `scheme://user:password@host`: credentials in the URL itself. */
const USERINFO = /^[a-z]+:\/\/[^/?#]*@/i;

/** Why a Base URL is refused (the message and what to do), or undefined when it may be used. */
export function baseUrlRefusal(baseUrl: string): { message: string; description: string } | undefined {
	// Refused before anything else, and never repeated: the URL itself holds a secret.
	if (USERINFO.test(baseUrl)) {
		return {
			message: 'The Base URL in the Agentic Developer Hub credential must not contain a user name or password',
			description: 'Remove the "user:password@" part from the Base URL in the credential: the Hub is signed in to with the credential\'s own fields.',
		};
	}
	if (!SECURE_BASE_URL.test(baseUrl)) {
		return {
			message: 'The Base URL in the Agentic Developer Hub credential must start with https://',
			description: 'Plain http:// is accepted only for localhost and 127.0.0.1. Edit the credential and fix its Base URL.',
		};
	}
	return undefined;
}

/** The credential's Base URL without a trailing slash (as every request and test uses it). */
/** A redirect from the Base URL: never followed (node and credential test alike), so that no credential reaches another address. */
export function redirectRefusal(status: number): { message: string; description: string } {
	return {
		message: `The Base URL answered with a redirect (HTTP ${status}), which is refused so that the credentials never reach another address`,
		description: "Set the credential's Base URL to the Hub API's own address (without /api), for example https://api.agenticdeveloperhub.com.",
	};
}

export function trimmedBaseUrl(value: unknown): string {
	return String(value ?? '').trim().replace(/\/+$/, '');
}

export function baseUrlOf(ctx: HubContext, snapshot: CredentialSnapshot, itemIndex: number): string {
	const baseUrl = trimmedBaseUrl(snapshot.data.baseUrl);
	const refusal = baseUrlRefusal(baseUrl);
	if (refusal) throw new NodeOperationError(ctx.getNode(), refusal.message, { description: refusal.description, itemIndex });
	return baseUrl;
}

/** The last Base URL parsed, as runs send many requests to one Hub. */
let lastHost: { baseUrl: string; host: string | undefined } | undefined;

/** The Base URL's host name: the only host the Hub credentials may be sent to. */
export function hostOf(baseUrl: string): string | undefined {
	if (lastHost?.baseUrl !== baseUrl) {
		let host: string | undefined;
		try {
			host = new URL(baseUrl).hostname;
		} catch {
			host = undefined;
		}
		lastHost = { baseUrl, host };
	}
	return lastHost.host;
}

import { randomBytes } from 'crypto';
import { z } from 'zod';
import { notFound, validationError } from '../core/errors';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import { authenticateManage, json } from './routing';
import { connectionOf } from './world';

/**
 * `GET /api/integrations/providers/{providerId}/auth-url` (start connecting an OAuth provider; the
 * user finishes at the provider, in a browser) and `PATCH /api/integrations/{connectionId}/settings`
 * (the sync settings: merged into what the connection had). Both need `integrations:manage`.
 */

/** Where the sandbox's OAuth providers sign in: a page that does not exist, as nothing follows it here. */
const PROVIDER_SIGN_IN = 'https://provider-sign-in.example.com/authorize';

const settingsBody = z
	.object({
		gmailLabelIds: z.array(z.string()).optional(),
		gmailWindowDays: z.number().int().optional(),
		redditSubreddits: z.array(z.string()).optional(),
		redditKeywords: z.array(z.string()).optional(),
		audienceIds: z.array(z.string()).optional(),
	})
	.strict();

function isRedirectUri(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname));
	} catch {
		return false;
	}
}

export function registerIntegrationSettingRoutes(router: Router): void {
	router.add('GET', '/api/integrations/providers/:providerId/auth-url', ({ hub, req }) => {
		authenticateManage(hub, req);
		const data = hub.state.data;
		const provider = data.providers.find((candidate) => candidate.providerId === req.params.providerId);
		if (!provider) throw notFound('Provider');
		if (provider.authMethod !== 'oauth') {
			throw validationError('providerId', `${provider.displayName} connects with "${provider.authMethod}", not through OAuth`);
		}
		const ecosystemId = req.query.get('ecosystemId') ?? '';
		if (!data.ecosystems.some((ecosystem) => ecosystem.id === ecosystemId)) throw validationError('ecosystemId', 'ecosystemId is not a known ecosystem');
		const redirectUri = req.query.get('redirectUri') ?? '';
		if (!isRedirectUri(redirectUri)) throw validationError('redirectUri', 'redirectUri must be an https URL (or http on localhost)');
		const serviceType = req.query.get('serviceType');
		if (serviceType && !provider.serviceTypes.includes(serviceType)) {
			throw validationError('serviceType', `serviceType must be one of ${provider.serviceTypes.join(', ')}`);
		}
		const state = randomBytes(16).toString('hex');
		const url = new URL(PROVIDER_SIGN_IN);
		url.search = new URLSearchParams({ provider: provider.providerId, redirect_uri: redirectUri, state, ...(req.query.get('scopes') ? { scope: req.query.get('scopes')! } : {}) }).toString();
		return json({ url: url.toString(), state });
	});

	router.add('PATCH', '/api/integrations/:connectionId/settings', ({ hub, req }) => {
		const userId = authenticateManage(hub, req);
		const connection = connectionOf(hub.state.data, req.params.connectionId, userId);
		const changes = validate(settingsBody, req.body);
		connection.syncSettings = { ...connection.syncSettings, ...changes };
		return json({ ok: true, syncSettings: connection.syncSettings });
	});
}

import { z } from 'zod';
import { HubError } from '../core/errors';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import { addClient } from '../oauth/seed';
import { createPersonalToken, revokeFamily } from '../oauth/tokens';
import { isAcceptableRedirectUri, REDIRECT_URI_RULE } from '../oauth/redirectUris';
import { IDEMPOTENCY_MODES, type IdempotencyMode } from '../middleware/idempotency';
import { resolveUser, userRef } from './shared';

const clientInput = z.object({
	redirectUris: z.array(z.string().min(1).max(2000)).min(1).max(20),
	name: z.string().min(1).max(200).optional(),
});
const personalTokenInput = z.object({ user: userRef, expiresInSeconds: z.number().int().positive().optional() });
const settingsInput = z.object({
	accessTokenTtl: z.number().int().positive().optional(),
	rateLimit: z.number().int().min(0).optional(),
	idempotency: z.enum(IDEMPOTENCY_MODES as [IdempotencyMode, ...IdempotencyMode[]]).optional(),
	errorShape: z.enum(['published', 'flat']).optional(),
	maxPageSize: z.number().int().min(0).optional(),
	syncWorker: z.boolean().optional(),
});
const userFilter = z.object({ user: userRef.optional() });
const grantFilter = z.object({ user: userRef.optional(), clientId: z.string().min(1).optional() });

/** Apps, personal tokens, settings and the token lifecycle switches of interfaces.md section 2. */
export function registerAuthControlRoutes(router: Router): void {
	router.add('POST', '/__sandbox/clients', ({ hub, req }) => {
		const input = validate(clientInput, req.body);
		const rejected = input.redirectUris.find((uri) => !isAcceptableRedirectUri(uri));
		if (rejected !== undefined) {
			throw new HubError(400, 'validation_error', REDIRECT_URI_RULE, { field: 'redirectUris' });
		}
		const { clientId, clientSecret, redirectUris } = addClient(hub, hub.state.auth, {
			name: input.name ?? 'Test app',
			redirectUris: input.redirectUris,
		});
		return { status: 201, body: { clientId, clientSecret, redirectUris } };
	});

	router.add('POST', '/__sandbox/personal-tokens', ({ hub, req }) => {
		const input = validate(personalTokenInput, req.body);
		const userId = resolveUser(hub, input.user);
		return { status: 201, body: { token: createPersonalToken(hub, userId, input.expiresInSeconds) } };
	});

	router.add('POST', '/__sandbox/settings', ({ hub, req }) => {
		const input = validate(settingsInput, req.body);
		hub.settings = { ...hub.settings, ...input };
		return { status: 200, body: { ...hub.settings } };
	});

	router.add('POST', '/__sandbox/expire-access-tokens', ({ hub, req }) => {
		const input = validate(userFilter, req.body);
		const userId = input.user === undefined ? undefined : resolveUser(hub, input.user);
		const now = hub.clock.now();
		let expired = 0;
		for (const record of Object.values(hub.state.auth.accessTokens)) {
			if (record.expiresAt <= now || (userId !== undefined && record.userId !== userId)) continue;
			record.expiresAt = now;
			expired += 1;
		}
		return { status: 200, body: { expired } };
	});

	router.add('POST', '/__sandbox/revoke-grants', ({ hub, req }) => {
		const input = validate(grantFilter, req.body);
		const userId = input.user === undefined ? undefined : resolveUser(hub, input.user);
		let familiesRevoked = 0;
		for (const family of Object.values(hub.state.auth.families)) {
			if (userId !== undefined && family.userId !== userId) continue;
			if (input.clientId !== undefined && family.clientId !== input.clientId) continue;
			if (revokeFamily(hub, family.id)) familiesRevoked += 1;
		}
		return { status: 200, body: { familiesRevoked } };
	});
}

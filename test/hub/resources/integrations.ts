import { z } from 'zod';
import { conflict, HubError, notFound, validationError } from '../core/errors';
import type { Router } from '../core/router';
import { validate } from '../core/validate';
import type { Hub } from '../hub';
import { registerActionRoute } from './actions';
import { githubAppAccount, githubAppBody, useGithubAppState } from './integrationsGithubApp';
import { authenticateManage, json } from './routing';
import type { ConnectionRecord, Provider, ResourceState } from './state';
import { connectionOf, idSchema, iso, toConnection } from './world';

const connectBody = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('api_key'),
		providerId: z.string().min(1).max(100),
		serviceType: z.string().min(1).max(100),
		ecosystemId: idSchema,
		fields: z.record(z.string().max(2000)),
	}),
	z.object({
		type: z.literal('app_password'),
		providerId: z.string().min(1).max(100),
		serviceType: z.string().min(1).max(100),
		ecosystemId: idSchema,
		identifier: z.string().min(1).max(320),
		password: z.string().min(1).max(500),
	}),
	githubAppBody,
]);
type ConnectBody = z.infer<typeof connectBody>;

function providerFor(data: ResourceState, body: ConnectBody): Provider {
	const provider = data.providers.find((candidate) => candidate.providerId === body.providerId);
	if (!provider) throw validationError('providerId', `Unknown provider "${body.providerId}"`);
	if (provider.authMethod === 'oauth') {
		throw validationError('type', `${provider.displayName} connects through OAuth in the Hub, not through this route`);
	}
	if (provider.authMethod !== body.type) {
		throw validationError('type', `${provider.displayName} connects with type "${provider.authMethod}"`);
	}
	if (!provider.serviceTypes.includes(body.serviceType)) {
		throw validationError('serviceType', `serviceType must be one of ${provider.serviceTypes.join(', ')}`);
	}
	if (!data.ecosystems.some((ecosystem) => ecosystem.id === body.ecosystemId)) {
		throw validationError('ecosystemId', 'ecosystemId is not a known ecosystem');
	}
	return provider;
}

/** Splits the submitted credentials into what may be shown (the username) and the secrets. */
function credentialsOf(hub: Hub, userId: string, provider: Provider, body: ConnectBody): { username: string; secrets: Record<string, string>; externalAccountId?: string } {
	if (body.type === 'app_password') return { username: body.identifier, secrets: { password: body.password } };
	if (body.type === 'github_app') return { ...githubAppAccount(hub, userId, provider, body), secrets: {} };
	const configFields = provider.configFields ?? [];
	for (const key of Object.keys(body.fields)) {
		if (!configFields.some((field) => field.key === key)) throw validationError(`fields.${key}`, `Unknown field "${key}"`);
	}
	const secrets: Record<string, string> = {};
	let username = '';
	for (const field of configFields) {
		const value = body.fields[field.key];
		if (!value) {
			if (field.required) throw validationError(`fields.${field.key}`, `${field.label} is required`);
			continue;
		}
		if (field.secret) secrets[field.key] = value;
		else username ||= value;
	}
	return { username, secrets };
}

function connect(hub: Hub, userId: string, body: ConnectBody): ConnectionRecord {
	const data = hub.state.data;
	const provider = providerFor(data, body);
	const { username, secrets, externalAccountId } = credentialsOf(hub, userId, provider, body);
	const duplicate = Object.values(data.connections).some(
		(existing) =>
			existing.userId === userId &&
			!existing.disconnectedAt &&
			existing.provider === provider.providerId &&
			existing.ecosystemId === body.ecosystemId &&
			existing.username === username,
	);
	if (duplicate) throw conflict(`${provider.displayName} is already connected as ${username} in this ecosystem`);
	const record: ConnectionRecord = {
		id: hub.newId(),
		provider: provider.providerId,
		serviceType: body.serviceType,
		status: 'active',
		displayName: `${provider.displayName} (${username})`,
		username,
		externalAccountId: externalAccountId ?? username,
		lastSyncAt: null,
		lastError: null,
		createdAt: iso(hub.clock.now()),
		userId,
		ecosystemId: body.ecosystemId,
		secrets,
		disconnectedAt: null,
	};
	data.connections[record.id] = record;
	if (body.type === 'github_app') useGithubAppState(hub, body.state);
	return record;
}

export function registerIntegrationRoutes(router: Router): void {
	// Errors: nested on /api/ecosystem/*, problem details on /api/integrations/* (hub.ts errorShapeFor).
	router.add('GET', '/api/ecosystem/ecosystems', ({ hub, req }) => {
		authenticateManage(hub, req);
		return json(hub.state.data.ecosystems);
	});

	// By id or slug.
	router.add('GET', '/api/ecosystem/ecosystems/:id', ({ hub, req }) => {
		hub.authenticate(req, 'discussions:read');
		const { id } = req.params;
		const ecosystem = hub.state.data.ecosystems.find((candidate) => candidate.id === id || candidate.slug === id);
		if (!ecosystem) throw notFound('Ecosystem');
		return json(ecosystem);
	});

	router.add('GET', '/api/integrations/providers', ({ hub, req }) => {
		authenticateManage(hub, req);
		return json({ providers: hub.state.data.providers });
	});

	// ecosystemId is required (hub-api.md section 5, item 2): a client looks the default up itself.
	router.add('GET', '/api/integrations', ({ hub, req }) => {
		const userId = authenticateManage(hub, req);
		const data = hub.state.data;
		const ecosystemId = req.query.get('ecosystemId');
		if (!ecosystemId) throw validationError('ecosystemId', 'ecosystemId is required: GET /api/ecosystem/ecosystems lists them');
		if (!data.ecosystems.some((ecosystem) => ecosystem.id === ecosystemId)) throw notFound('Ecosystem');
		const connections = Object.values(data.connections)
			.filter((c) => c.userId === userId && c.ecosystemId === ecosystemId && !c.disconnectedAt)
			.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
			.map(toConnection);
		return json({ connections });
	});

	router.add('POST', '/api/integrations/connect', ({ hub, req }) => {
		const userId = authenticateManage(hub, req);
		return json(toConnection(connect(hub, userId, validate(connectBody, req.body))));
	});

	router.add('DELETE', '/api/integrations/:connectionId', ({ hub, req }) => {
		const userId = authenticateManage(hub, req);
		const connection = connectionOf(hub.state.data, req.params.connectionId, userId);
		connection.disconnectedAt = iso(hub.clock.now());
		connection.status = 'revoked';
		connection.secrets = {};
		return json({ ok: true });
	});

	// 503 without a sync worker (setting `syncWorker: false`): nothing was queued (finding 12).
	router.add('POST', '/api/integrations/:connectionId/sync', ({ hub, req }) => {
		const userId = authenticateManage(hub, req);
		const connection = connectionOf(hub.state.data, req.params.connectionId, userId);
		if (!hub.settings.syncWorker) throw new HubError(503, 'sync_unavailable', 'No sync worker is registered: syncing is not available now');
		connection.lastSyncAt = iso(hub.clock.now());
		return json({ ok: true }, 202);
	});

	registerActionRoute(router);
}

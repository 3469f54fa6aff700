import type { Scope } from '../../hub/state';
import { obtainTokens } from '../../hub/testing';
import { clientFor, useResourceHub, type Call } from './helpers';

const ID = '00000000-0000-0000-0000-000000000000';

/** Every section-3 route this suite owns, with the scope it needs (and a body the published types accept). */
const ROUTES: Array<[string, string, Scope, unknown?]> = [
	['GET', '/api/communities/agentic-builders', 'discussions:read'],
	['GET', `/api/communities/${ID}/categories`, 'discussions:read'],
	['GET', '/api/discussion/topics', 'discussions:read'],
	['GET', `/api/discussion/topics/${ID}`, 'discussions:read'],
	['POST', '/api/discussion/topics', 'discussions:write', { title: 'T', body: 'B', communityId: ID }],
	['PUT', `/api/discussion/topics/${ID}`, 'discussions:write', { isPinned: true }],
	['DELETE', `/api/discussion/topics/${ID}`, 'discussions:write'],
	['GET', `/api/discussion/topics/${ID}/posts`, 'discussions:read'],
	['POST', `/api/discussion/topics/${ID}/posts`, 'discussions:write', { body: 'B' }],
	['DELETE', `/api/discussion/posts/${ID}`, 'discussions:write'],
	['GET', '/api/search/discussions?q=x', 'discussions:read'],
	['GET', `/api/content/reactions?targetKind=discussion.posts&targetId=${ID}`, 'discussions:read'],
	['POST', '/api/content/reactions', 'discussions:write', { targetKind: 'discussion.posts', targetId: ID, emoji: '+1' }],
	['DELETE', `/api/content/reactions/${ID}`, 'discussions:write'],
	['GET', '/api/chat/dms', 'discussions:read'],
	['POST', '/api/chat/dms', 'discussions:write', { recipientId: ID }],
	['GET', `/api/chat/dms/${ID}/messages`, 'discussions:read'],
	['POST', `/api/chat/dms/${ID}/messages`, 'discussions:write', { body: 'B' }],
	['POST', `/api/chat/dms/${ID}/read`, 'discussions:write', {}],
	['GET', '/api/notifications', 'discussions:read'],
	['GET', '/api/notifications/unread-count', 'discussions:read'],
	['POST', `/api/notifications/${ID}/read`, 'discussions:write'],
	['POST', `/api/notifications/${ID}/unread`, 'discussions:write'],
	['POST', `/api/notifications/${ID}/archive`, 'discussions:write'],
	['POST', `/api/notifications/${ID}/trash`, 'discussions:write'],
	['POST', '/api/notifications/read-all', 'discussions:write'],
	['GET', '/api/ecosystem/ecosystems', 'integrations:manage'],
	['GET', `/api/ecosystem/ecosystems/${ID}`, 'discussions:read'],
	['GET', '/api/integrations/providers', 'integrations:manage'],
	['GET', `/api/integrations?ecosystemId=${ID}`, 'integrations:manage'],
	[
		'POST',
		'/api/integrations/connect',
		'integrations:manage',
		{ type: 'app_password', providerId: 'bluesky', serviceType: 'social', ecosystemId: ID, identifier: 'a', password: 'b' },
	],
	['DELETE', `/api/integrations/${ID}`, 'integrations:manage'],
	['POST', `/api/integrations/${ID}/sync`, 'integrations:manage'],
	['POST', `/api/integrations/${ID}/actions/send`, 'integrations:manage', { to: ['a@example.com'], subject: 'S', bodyText: 'B' }],
];

const ALL: Scope[] = ['profile:read', 'discussions:read', 'discussions:write', 'integrations:manage'];

describe('scope enforcement on the resource routes', () => {
	const suite = useResourceHub();
	/** Per scope: a client whose OAuth token has every scope except that one. */
	const without = {} as Record<Scope, Call>;
	let readOnly: Call;

	beforeAll(async () => {
		for (const scope of ['discussions:read', 'discussions:write', 'integrations:manage'] as Scope[]) {
			const tokens = await obtainTokens(suite.hub, { scopes: ALL.filter((candidate) => candidate !== scope) });
			without[scope] = clientFor(suite.hub, tokens.access_token);
		}
		readOnly = clientFor(suite.hub, (await obtainTokens(suite.hub, { scopes: ['discussions:read'] })).access_token);
	});

	// `body` has a default: jest takes a fourth parameter without one for a `done` callback on rows of three.
	test.each(ROUTES)('%s %s needs %s: 403 insufficient_scope without it', async (method, path, scope, body: unknown = undefined) => {
		const response = await without[scope](method, path, { body });
		expect(response.status).toBe(403);
		expect(response.headers.get('www-authenticate')).toContain(`scope="${scope}"`);
		if (path.startsWith('/api/integrations')) {
			expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			expect(response.body).toMatchObject({ status: 403, code: 'insufficient_scope', required_scope: scope });
		} else {
			expect(response.body).toEqual({ error: { code: 'insufficient_scope', message: expect.any(String), required_scope: scope } });
		}
	});

	test('a token with only discussions:read reads but cannot write', async () => {
		expect((await readOnly('GET', '/api/discussion/topics')).status).toBe(200);
		expect((await readOnly('GET', '/api/notifications/unread-count')).status).toBe(200);
		const write = await readOnly('POST', '/api/notifications/read-all');
		expect(write.status).toBe(403);
		expect(write.body.error.required_scope).toBe('discussions:write');
	});

	test('an OAuth token with the right scope reaches the route (404 for the unknown id, not 403)', async () => {
		const response = await without['discussions:read']('POST', `/api/notifications/${ID}/read`);
		expect(response.status).toBe(404);
		const integration = await without['discussions:write']('DELETE', `/api/integrations/${ID}`);
		expect(integration.status).toBe(404);
	});

	test('no token at all is 401', async () => {
		const response = await suite.ada.call('GET', '/api/discussion/topics', { token: null });
		expect(response.status).toBe(401);
		expect(response.body.error.code).toBe('unauthorized');
	});
});

import { describeViolations, hubApiValidator, type Violation } from './validator';
import { readSpec } from './schemas';

const validator = hubApiValidator();
const messages = (violations: Violation[]) => violations.map((violation) => `${violation.location}: ${violation.message}`);

describe('the published types as an oracle', () => {
	// drift.test.ts keeps this copy equal to ../shared/hub-openapi.json.
	it('is the newer copy of the Hub types: 45 paths, with the GitHub App install URL', () => {
		const spec = readSpec();
		expect(Object.keys(spec.paths)).toHaveLength(45);
		expect(spec.info.version).toBe('568a76282d4e');
		expect(spec.paths['/integrations/providers/{providerId}/install-url']?.get).toBeDefined();
	});

	it('compiles every request and response schema of the 58 operations', () => {
		let operations = 0;
		for (const [template, verbs] of Object.entries(validator.spec.paths)) {
			for (const [verb, operation] of Object.entries(verbs)) {
				operations += 1;
				const publicPath = `/api${template.replace(/\{[^}]+\}/g, 'x')}`;
				for (const status of Object.keys(operation.responses)) {
					// Any outcome but an exception: the schema compiled and ran.
					expect(Array.isArray(validator.validateResponse({ method: verb, path: publicPath, status: Number(status), body: {} }))).toBe(true);
				}
				expect(Array.isArray(validator.validateRequest({ method: verb, path: publicPath, body: {} }))).toBe(true);
			}
		}
		expect(operations).toBe(58);
	});

	describe('requests', () => {
		it('accepts a body that follows the type, and refuses a field the type does not define', () => {
			const body = { title: 'Hello', body: 'World', communityId: 'c1' };
			expect(validator.validateRequest({ method: 'POST', path: '/api/discussion/topics', body })).toEqual([]);
			expect(messages(validator.validateRequest({ method: 'POST', path: '/api/discussion/topics', body: { ...body, tags: ['x'] } }))).toEqual([
				'body: has "tags", which the published type does not define',
			]);
		});

		it('checks limits, required fields and types, naming the schema path', () => {
			const violations = validator.validateRequest({ method: 'POST', path: '/api/discussion/topics', body: { title: 'x'.repeat(501), body: 5 } });
			expect(messages(violations)).toEqual(
				expect.arrayContaining(['body: misses "communityId"', 'body/title: must NOT have more than 500 characters', 'body/body: must be string']),
			);
			expect(describeViolations(violations)).toContain('#/paths/~1discussion~1topics/post/requestBody/content/application~1json/schema/properties/title/maxLength');
		});

		it('picks the action body by its {actionType} and applies the rules hub-api.md states in words', () => {
			const send = (body: unknown) => messages(validator.validateRequest({ method: 'POST', path: '/api/integrations/c1/actions/send', body }));
			expect(send({ to: ['a@example.com'], subject: 'Hi', bodyText: 'Hello' })).toEqual([]);
			expect(send({ to: ['a@example.com'], subject: 'Hi' })).toEqual(['body: needs at least one of: bodyText, bodyHtml']);
			expect(send({ to: 'a@example.com', message: 'Hello' })).toEqual(
				expect.arrayContaining(['body/to: must be array', 'body: misses "subject"', 'body: has "message", which the published type does not define']),
			);
			const post = (body: unknown) => messages(validator.validateRequest({ method: 'POST', path: '/api/integrations/c1/actions/post', body }));
			expect(post({ text: 'Hello' })).toEqual([]);
			expect(post({})).toEqual(['body: needs at least one of: text, media']);
			const sms = (to: string) => messages(validator.validateRequest({ method: 'POST', path: '/api/integrations/c1/actions/sms', body: { to, body: 'Hi' } }));
			expect(sms('+14155550100')).toEqual([]);
			expect(sms('04155550100')).toEqual(['body/to: must match pattern "^\\+[1-9][0-9]{1,14}$"']);
			expect(messages(validator.validateRequest({ method: 'POST', path: '/api/integrations/c1/actions/fax', body: {} }))).toEqual([
				'path/actionType: "fax" is not a published action type',
			]);
		});

		it('refuses unknown query parameters, missing required ones, and values outside an enum', () => {
			expect(messages(validator.validateRequest({ method: 'GET', path: '/api/integrations', query: new URLSearchParams() }))).toEqual([
				'query/ecosystemId: is required',
			]);
			const query = new URLSearchParams('category=community_reply&category=account&read=false&status=unread&sort=new');
			expect(messages(validator.validateRequest({ method: 'GET', path: '/api/notifications', query }))).toEqual([
				'query/sort: "sort" is not a published query parameter',
				'query/status: must be one of: inbox, archived, trashed',
			]);
			expect(messages(validator.validateRequest({ method: 'GET', path: '/api/notifications', query: new URLSearchParams('read=maybe') }))).toEqual([
				'query/read: must be boolean',
			]);
		});

		it('refuses a body on a route that takes none, and routes or methods that are not published', () => {
			expect(messages(validator.validateRequest({ method: 'POST', path: '/api/notifications/n1/read', body: {} }))).toEqual([
				'body: the route publishes no request body, but one was sent',
			]);
			expect(validator.validateRequest({ method: 'POST', path: '/api/notifications/n1/read' })).toEqual([]);
			expect(messages(validator.validateRequest({ method: 'PATCH', path: '/api/discussion/topics/t1' }))).toEqual([
				'route: PATCH /api/discussion/topics/t1: only GET, PUT, DELETE is published for this path',
			]);
			expect(messages(validator.validateRequest({ method: 'GET', path: '/api/communities' }))).toEqual([
				'route: GET /api/communities: no published route has this path',
			]);
		});

		it('refuses a body sent as another content type than the route publishes, and a JSON null as a body', () => {
			const body = { recipientId: 'u1' };
			expect(validator.validateRequest({ method: 'POST', path: '/api/chat/dms', body, contentType: 'application/json; charset=utf-8' })).toEqual([]);
			expect(messages(validator.validateRequest({ method: 'POST', path: '/api/chat/dms', body, contentType: 'application/x-www-form-urlencoded' }))).toEqual([
				'content-type: "application/x-www-form-urlencoded" is not one of application/json',
			]);
			expect(messages(validator.validateRequest({ method: 'POST', path: '/api/chat/dms', body: null }))).toEqual(['body: must be object']);
		});

		it('checks a oneOf that names its branch (connect by `type`) against that branch only', () => {
			const connect = (body: unknown) => validator.validateRequest({ method: 'POST', path: '/api/integrations/connect', body });
			const appPassword = { type: 'app_password', providerId: 'bluesky', serviceType: 'social', ecosystemId: 'e1', identifier: 'a', password: 'b' };
			expect(connect(appPassword)).toEqual([]);
			const { password: _password, ...withoutPassword } = appPassword;
			expect(connect({ ...withoutPassword, fields: {} })).toEqual([
				{ location: 'body', schemaPath: '#/components/schemas/IntegrationConnectRequest/oneOf/2/required', message: 'misses "password"' },
				{ location: 'body', schemaPath: '#/components/schemas/IntegrationConnectRequest/oneOf/2/unevaluatedProperties', message: 'has "fields", which the published type does not define' },
			]);
			// The newer types' GitHub App branch: installation ID and state, nothing else.
			const githubApp = { type: 'github_app', providerId: 'github', serviceType: 'code', ecosystemId: 'e1', installationId: '52345678', state: 's1' };
			expect(connect(githubApp)).toEqual([]);
			expect(messages(connect({ ...githubApp, installationId: 52345678, password: 'b' }))).toEqual([
				'body/installationId: must be string',
				'body: has "password", which the published type does not define',
			]);
			expect(messages(connect({ ...appPassword, type: 'magic' }))).toEqual(['body/type: must be one of: oauth, api_key, app_password, plaid_link, oauth_instance, github_app']);
		});

		it('prefers a literal segment over a parameter', () => {
			expect(validator.match('GET', '/api/communities/c1/members/me')).toMatchObject({ template: '/communities/{id}/members/me' });
			expect(validator.match('DELETE', '/api/communities/c1/members/u1')).toMatchObject({ template: '/communities/{id}/members/{customerId}', params: { id: 'c1', customerId: 'u1' } });
			expect(validator.match('GET', '/api/integrations/providers')).toMatchObject({ template: '/integrations/providers' });
		});
	});

	describe('responses', () => {
		const topic = {
			id: 't1', communityId: 'c1', title: 'T', isPinned: false, isLocked: false, isPublic: true, replyCount: 0,
			lastActivityAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
		};
		const get = (status: number, body: unknown, contentType = 'application/json') =>
			messages(validator.validateResponse({ method: 'GET', path: '/api/discussion/topics/t1', status, contentType, body }));

		it('accepts the published shape, and refuses a missing, mistyped or undefined field', () => {
			expect(get(200, { ...topic, excerpt: null, customerId: 'u1' })).toEqual([]);
			expect(get(200, { ...topic, replyCount: '0', communityName: 'x', title: undefined })).toEqual(
				expect.arrayContaining(['response 200 body: misses "title"', 'response 200 body/replyCount: must be integer', 'response 200 body: has "communityName", which the published type does not define']),
			);
		});

		it('names the keyword that refused, inside the referenced component', () => {
			const violations = validator.validateResponse({ method: 'GET', path: '/api/discussion/topics', status: 200, contentType: 'application/json', body: { items: [{ ...topic, isPinned: 'no' }] } });
			expect(violations).toEqual([
				{ location: 'response 200 body/items/0/isPinned', schemaPath: '#/components/schemas/DiscussionTopic/properties/isPinned/type', message: 'must be boolean' },
			]);
		});

		it('wants the nested error shape on resource routes and problem details on integrations', () => {
			expect(get(404, { error: { code: 'not_found', message: 'Topic not found' } })).toEqual([]);
			expect(get(404, { code: 'not_found', message: 'Topic not found' })).toEqual(
				expect.arrayContaining(['response 404 body: has "code", which the published type does not define']),
			);
			// 429 is not listed by the route: the family's error shape applies.
			expect(get(429, { error: { code: 'rate_limited', message: 'Slow down' } })).toEqual([]);
			const problem = { type: 'https://api.agenticdeveloperhub.com/problems/not_found', title: 'Not Found', status: 404, detail: 'x', code: 'not_found' };
			expect(messages(validator.validateResponse({ method: 'DELETE', path: '/api/integrations/c1', status: 404, contentType: 'application/problem+json', body: problem }))).toEqual([]);
			expect(messages(validator.validateResponse({ method: 'DELETE', path: '/api/integrations/c1', status: 404, contentType: 'application/json', body: problem }))).toEqual([
				'response 404 content-type: "application/json" is not one of application/problem+json',
			]);
		});

		it('accepts an error answer to an unpublished route in the error shape of its family, never a success', () => {
			const refused = (path: string, status: number, body: unknown, contentType = 'application/json') =>
				messages(validator.validateResponse({ method: 'GET', path, status, contentType, body }));
			expect(refused('/api/nowhere', 400, { error: { code: 'validation_error', message: 'No such route' } })).toEqual([]);
			expect(refused('/api/integrations/a/b/c', 400, { title: 'Bad Request', status: 400 }, 'application/problem+json')).toEqual([]);
			expect(refused('/api/nowhere', 400, { code: 'validation_error' })).toEqual(['response 400 body: has "code", which the published type does not define']);
			expect(refused('/api/nowhere', 200, {})).toEqual(['route: GET /api/nowhere is not a published route']);
		});

		it('refuses a success status the route does not publish, and a body on a 204', () => {
			expect(get(201, topic)).toEqual(['response 201: status 201 is not published for this route']);
			expect(messages(validator.validateResponse({ method: 'DELETE', path: '/api/discussion/topics/t1', status: 204 }))).toEqual([]);
			expect(messages(validator.validateResponse({ method: 'DELETE', path: '/api/discussion/topics/t1', status: 204, body: {} }))).toEqual([
				'response 204 body: the route publishes no body for this status',
			]);
		});
	});

	describe('stream events', () => {
		const event = (path: string, data: unknown) => messages(validator.validateStreamEvent({ path, data }));
		const message = {
			id: 'm1', chatId: 'c1', senderParticipantId: null, senderUserId: 'u1', seq: 3, role: 'member', body: 'Hi', state: 'sent', dateSent: '2026-01-01T00:00:00.000Z',
		};

		it('checks each event\'s data against the schema its stream publishes', () => {
			expect(event('/api/notifications/stream', {})).toEqual([]);
			expect(event('/api/notifications/stream', 'wake')).toEqual(['event data: must be object']);
			expect(event('/api/chat/dms/c1/stream', message)).toEqual([]);
			expect(event('/api/chat/dms/c1/stream', { ...message, seq: '3', state: undefined })).toEqual(
				expect.arrayContaining(['event data: misses "state"', 'event data/seq: must be integer']),
			);
		});

		it('refuses routes that are not event streams', () => {
			expect(event('/api/notifications', {})).toEqual(['route: GET /api/notifications is not an event stream']);
			expect(event('/api/nothing/stream', {})).toEqual(['route: GET /api/nothing/stream is not a published route']);
		});
	});
});

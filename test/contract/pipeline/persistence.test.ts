import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startHub, type Hub } from '../../hub';
import { controlRequest, hubRequest, obtainTokens, tokenRequest } from '../../hub/testing';

/** `--state FILE`: everything survives a restart. */
describe('state file', () => {
	let dir: string;
	let file: string;
	let hub: Hub | undefined;

	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'hub-state-'));
		file = join(dir, 'state.json');
	});
	afterEach(async () => {
		await hub?.close();
		hub = undefined;
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('keeps users, clients, grants, tokens, idempotency records and resources across a restart', async () => {
		// Every POST honours Idempotency-Key here, so that the DM's record is kept and replayed.
		hub = await startHub({ stateFile: file, idempotency: 'every-post' });
		const info = hub.info();
		const tokens = await obtainTokens(hub, { scopes: ['profile:read', 'discussions:read', 'discussions:write'] });
		const app = await controlRequest(hub, 'POST', '/__sandbox/clients', { redirectUris: ['https://app.example.com/cb'] });
		const { token: personal } = await controlRequest(hub, 'POST', '/__sandbox/personal-tokens', { user: 'alan@example.com' });
		const chat = await hubRequest(hub, 'POST', '/api/chat/dms', { token: tokens.access_token, body: { recipientId: info.users[1].id } });
		const send = () =>
			hubRequest(hub!, 'POST', `/api/chat/dms/${chat.body.id}/messages`, {
				token: tokens.access_token,
				body: { body: 'Survives restarts' },
				headers: { 'Idempotency-Key': 'persisted-key' },
			});
		const sent = await send();
		expect(sent.status).toBe(201);
		await hub.close();

		// The state file holds no usable opaque token.
		const saved = readFileSync(file, 'utf8');
		expect(saved).not.toContain(tokens.refresh_token);
		expect(saved).not.toContain(personal);

		hub = await startHub({ stateFile: file, idempotency: 'every-post' });
		const restarted = hub.info();
		expect(restarted.users).toEqual(info.users);
		expect(restarted.clients[0]).toEqual(info.clients[0]);
		expect(restarted.clients.map((client) => client.clientId)).toContain(app.clientId);
		expect(restarted.url).not.toBe('');

		expect((await hubRequest(hub, 'GET', '/api/auth/me', { token: tokens.access_token })).status).toBe(200);
		expect((await hubRequest(hub, 'GET', '/api/auth/me', { token: personal })).body.email).toBe('alan@example.com');
		const replay = await send();
		expect(replay.headers.get('idempotent-replayed')).toBe('true');
		expect(replay.body.id).toBe(sent.body.id);
		const messages = await hubRequest(hub, 'GET', `/api/chat/dms/${chat.body.id}/messages`, { token: tokens.access_token });
		expect(messages.body.items.map((message: { id: string }) => message.id)).toContain(sent.body.id);

		const refreshed = await tokenRequest(hub, '/api/auth/refresh', {
			grant_type: 'refresh_token',
			refresh_token: tokens.refresh_token,
			client_id: info.clients[0].clientId,
			client_secret: info.clients[0].clientSecret,
		});
		expect(refreshed.status).toBe(200);
		const appTokens = await obtainTokens(hub, {
			scopes: ['profile:read'],
			clientId: app.clientId,
			clientSecret: app.clientSecret,
			redirectUri: 'https://app.example.com/cb',
		});
		expect(appTokens.access_token).toMatch(/^adh_/);
	});

	it('keeps revocations and rotations: a rotated refresh token is still reuse after a restart', async () => {
		hub = await startHub({ stateFile: file });
		const client = hub.info().clients[0];
		const tokens = await obtainTokens(hub, { scopes: ['profile:read'] });
		const refresh = (refreshToken: string) =>
			tokenRequest(hub!, '/api/auth/refresh', {
				grant_type: 'refresh_token',
				refresh_token: refreshToken,
				client_id: client.clientId,
				client_secret: client.clientSecret,
			});
		const rotated = await refresh(tokens.refresh_token);
		await hub.close();
		hub = await startHub({ stateFile: file });
		expect((await refresh(tokens.refresh_token)).body.error).toBe('invalid_grant');
		expect((await hubRequest(hub, 'GET', '/api/auth/me', { token: rotated.body.access_token })).body.error.code).toBe('invalid_token');
	});

	it('starts from a fresh seed when the file does not exist yet, and writes it', async () => {
		const other = join(dir, 'new.json');
		hub = await startHub({ stateFile: other });
		await hubRequest(hub, 'GET', '/api/auth/me', { token: hub.info().users[0].apiToken });
		expect(JSON.parse(readFileSync(other, 'utf8')).auth.users).toBeDefined();
	});
});

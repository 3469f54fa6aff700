import type { INodeProperties } from 'n8n-workflow';
import { description as connectDescription } from '../../nodes/AgenticDeveloperHub/actions/integration/connect.operation';
import { controlRequest } from '../hub/testing';
import { rl, useNodeHarness } from './support';

/**
 * Integration Connect carries secrets for other services (an App Password, the provider's auth
 * token): masked in the editor, and masked in every output and error even when the Hub echoes them.
 */
describe('Integration Connect: secrets for other services', () => {
	const hub = useNodeHarness();
	const ecosystemId = () => hub.harness.hub.state.data.ecosystems.find((candidate) => candidate.slug === 'personal')!.id;
	const APP_PASSWORD = 'app-pass-echoed-1234';
	const AUTH_TOKEN = 'twilio-auth-token-echoed-5678';
	const echo = `password ${APP_PASSWORD} token ${AUTH_TOKEN}`;
	const fault = async (status: number, body: unknown) =>
		await controlRequest(hub.harness.hub, 'POST', '/__sandbox/faults', { method: 'POST', path: '/api/integrations/connect', status, body, count: 1 });
	const appPassword = { resource: 'integration', operation: 'connect', connectionType: 'app_password', providerId: 'bluesky', serviceType: 'social', identifier: 'ada.bsky.social', password: APP_PASSWORD };
	const apiKey = {
		resource: 'integration',
		operation: 'connect',
		connectionType: 'api_key',
		providerId: 'twilio',
		serviceType: 'sms',
		fields: JSON.stringify({ accountSid: 'AC-visible-account', authToken: AUTH_TOKEN }),
	};

	afterEach(async () => await controlRequest(hub.harness.hub, 'DELETE', '/__sandbox/faults'));

	it('masks App Password and Provider Fields in the editor (password fields)', () => {
		const field = (name: string) => connectDescription.find((property: INodeProperties) => property.name === name);
		expect(field('password')).toMatchObject({ type: 'string', typeOptions: { password: true } });
		expect(field('fields')).toMatchObject({ type: 'string', typeOptions: { password: true } });
	});

	it.each([
		['App Password', appPassword, APP_PASSWORD],
		['Provider Fields', apiKey, AUTH_TOKEN],
	])('a Hub that echoes the %s in its answer: the output holds it nowhere', async (_name, parameters, secret) => {
		await fault(200, { id: 'conn-echo', provider: 'x', status: 'active', username: 'AC-visible-account', password: secret, config: { authToken: secret, note: echo } });
		const [connection] = await hub.runJson({ ...parameters, ecosystemId: rl(ecosystemId()) });
		expect(connection.id).toBe('conn-echo');
		expect(JSON.stringify(connection)).not.toContain(secret);
		expect(JSON.stringify(connection)).toContain('[redacted]');
		// A field the Hub shows as the connection's name stays readable.
		expect(connection.username).toBe('AC-visible-account');
		expect(hub.harness.logs.join('\n')).not.toContain(secret);
	});

	it.each([
		['App Password', appPassword, APP_PASSWORD],
		['Provider Fields', apiKey, AUTH_TOKEN],
	])('a Hub that echoes the %s in an error: the error holds it nowhere', async (_name, parameters, secret) => {
		await fault(400, { type: 'https://hub/problems/validation_error', title: echo, status: 400, detail: echo });
		const error = await hub.runError({ ...parameters, ecosystemId: rl(ecosystemId()) });
		const exposed = [error.message, error.description, JSON.stringify(error), String(error.stack)].join('\n');
		expect(error.message).toMatch(/\[redacted\]/);
		expect(exposed).not.toContain(secret);
		expect(hub.harness.logs.join('\n')).not.toContain(secret);
	});
});

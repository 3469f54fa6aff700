import axios from 'axios';
import { NodeApiError, type INode } from 'n8n-workflow';
import { networkReason, responseOf } from '../../nodes/AgenticDeveloperHub/transport/failedCall';
import { startHub, type Hub } from '../hub';
import { controlRequest } from '../hub/testing';

const node: INode = { id: 'hub', name: 'Hub', type: 'hubProbe', typeVersion: 1, position: [0, 0], parameters: {} };

/*
 * Where a failed call's status, headers and body survive, with the real NodeApiError of the n8n line
 * this project runs on (jest runs this file once per line): 2.x keeps the HTTP error as `cause`,
 * 1.x drops it and keeps only the status and a JSON body.
 */
describe('failed calls on this n8n line', () => {
	let hub: Hub;

	beforeAll(async () => {
		hub = await startHub();
	});
	afterAll(async () => hub?.close());

	async function failedGet(fault: Record<string, unknown>): Promise<unknown> {
		await controlRequest(hub, 'POST', '/__sandbox/faults', { method: 'GET', path: '/api/auth/me', ...fault });
		return await axios.get(`${hub.url}/api/auth/me`).then(
			() => {
				throw new Error('the request did not fail');
			},
			(error: unknown) => error,
		);
	}

	it('reads the status and the body from the HTTP error, and from NodeApiError around it', async () => {
		const httpError = await failedGet({ status: 429, body: { error: { code: 'rate_limited', message: 'Slow down' } }, headers: { 'Retry-After': '7' } });
		const wrapped = new NodeApiError(node, httpError as never);

		for (const error of [httpError, wrapped]) {
			expect(responseOf(error)).toMatchObject({ status: 429, body: { error: { code: 'rate_limited', message: 'Slow down' } } });
		}
		expect(responseOf(httpError)?.headers['retry-after']).toBe('7');
		// The headers survive only where NodeApiError keeps its cause: the transport reads failures
		// before n8n wraps them (reportingFailures) for this reason.
		const keepsCause = (wrapped as { cause?: unknown }).cause !== undefined;
		expect(responseOf(wrapped)?.headers).toEqual(keepsCause ? expect.objectContaining({ 'retry-after': '7' }) : {});
	});

	it('names a reset connection, from the HTTP error and from NodeApiError around it', async () => {
		const httpError = await failedGet({ reset: true });

		expect(responseOf(httpError)).toBeUndefined();
		expect(responseOf(new NodeApiError(node, httpError as never))).toBeUndefined();
		expect(networkReason(httpError)).toBe('the connection was reset');
		expect(networkReason(new NodeApiError(node, httpError as never))).toBe('the connection was reset');
	});
});

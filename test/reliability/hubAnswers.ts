import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { Hub } from '../hub';

export interface HubAnswer {
	method: string;
	path: string;
	status: number;
	body: string;
}

/** Records every answer the sandbox writes to an API request (control API excluded), body included. */
export function recordAnswers(hub: Hub): { answers: HubAnswer[]; stop: () => void } {
	const answers: HubAnswer[] = [];
	const server = (hub as unknown as { server: Server }).server;
	const onRequest = (message: IncomingMessage, response: ServerResponse) => {
		const path = new URL(message.url ?? '/', 'http://hub').pathname;
		if (path.startsWith('/__sandbox/')) return;
		const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
		response.end = ((...args: unknown[]) => {
			const chunk = args[0];
			answers.push({ method: message.method ?? '', path, status: response.statusCode, body: typeof chunk === 'string' || Buffer.isBuffer(chunk) ? String(chunk) : '' });
			return end(...args);
		}) as typeof response.end;
	};
	server.on('request', onRequest);
	return { answers, stop: () => server.off('request', onRequest) };
}

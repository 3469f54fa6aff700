import { cpSync, mkdtempSync } from 'fs';
import http from 'http';
import net from 'net';
import os from 'os';
import path from 'path';
import { N8nClient } from '../../../scripts/lib/n8nClient';
import { startN8n, type N8nInstance } from '../../../scripts/lib/n8n';
import { freePort } from '../../../scripts/lib/processes';
import type { E2eEnvironment } from './environment';

/*
 * A forward proxy as a company network has one: plain requests by absolute URI, https (and anything
 * else) through CONNECT tunnels. It records every request it forwards, so a test can tell what went
 * through it; whatever does not come through it went around it.
 */

export interface ForwardProxy {
	url: string;
	/** What went through: `GET http://host:port/path` for plain requests, `CONNECT host:port` for tunnels. */
	seen: string[];
	close(): Promise<void>;
}

export async function startForwardProxy(): Promise<ForwardProxy> {
	const seen: string[] = [];
	const sockets = new Set<net.Socket>();
	const server = http.createServer((request, response) => {
		seen.push(`${request.method} ${request.url}`);
		let target: URL;
		try {
			target = new URL(request.url ?? '');
		} catch {
			response.writeHead(400).end('A proxy request needs an absolute URI');
			return;
		}
		const upstream = http.request(
			{ host: target.hostname, port: target.port || 80, method: request.method, path: `${target.pathname}${target.search}`, headers: request.headers },
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			},
		);
		upstream.on('error', () => (response.headersSent ? response.destroy() : response.writeHead(502).end()));
		response.on('close', () => upstream.destroy());
		request.pipe(upstream);
	});
	server.on('connect', (request, client, head) => {
		seen.push(`CONNECT ${request.url}`);
		const [host, port] = String(request.url).split(':');
		const upstream = net.connect(Number(port) || 443, host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		const close = () => {
			upstream.destroy();
			client.destroy();
		};
		upstream.on('error', close);
		client.on('error', close);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		seen,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/**
 * A second n8n of the run's line with the proxy in its environment (HTTP_PROXY, HTTPS_PROXY, no
 * NO_PROXY), the package installed as in the run's own n8n (its nodes folder copied), and an owner.
 * The run's own n8n is left as it is: the other files see no proxy.
 */
export async function startProxiedN8n(environment: E2eEnvironment, proxy: ForwardProxy): Promise<{ n8n: N8nInstance; client: N8nClient }> {
	const userFolder = path.join(mkdtempSync(path.join(os.tmpdir(), 'adh-proxied-')), 'n8n-user');
	cpSync(path.join(environment.userFolder, '.n8n', 'nodes'), path.join(userFolder, '.n8n', 'nodes'), { recursive: true });
	const env = { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, http_proxy: proxy.url, https_proxy: proxy.url, NO_PROXY: '', no_proxy: '' };
	const n8n = await startN8n(environment.runtime, { port: await freePort(), userFolder, logFile: path.join(path.dirname(environment.n8nLog), 'n8n-proxied.log'), env });
	const client = new N8nClient(n8n.url);
	await client.setupOwner();
	return { n8n, client };
}

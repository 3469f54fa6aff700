import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';

export interface SeenRequest {
	method: string;
	url: string;
	authorization?: string;
}

/**
 * A second server on this machine that must never receive the Hub credentials: it records every
 * request (and its Authorization header) and answers like a Hub would, so a client that follows
 * a redirect to it gets a plausible reply instead of an error that would hide the leak.
 */
export class Collector {
	readonly seen: SeenRequest[] = [];
	private constructor(
		private readonly server: Server,
		readonly port: number,
	) {}

	static async start(): Promise<Collector> {
		const seen: SeenRequest[] = [];
		const server = createServer((request, response) => {
			seen.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization });
			request.resume();
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify({ id: 'collected', email: 'collector@example.com', items: [] }));
		});
		// Every interface, so that both 127.0.0.1 and localhost (IPv4 or IPv6) reach it.
		await new Promise<void>((resolve) => server.listen(0, resolve));
		const collector = new Collector(server, (server.address() as AddressInfo).port);
		(collector as { seen: SeenRequest[] }).seen = seen;
		return collector;
	}

	url(host = '127.0.0.1'): string {
		return `http://${host}:${this.port}`;
	}

	forget(): void {
		this.seen.length = 0;
	}

	credentialsSeen(): SeenRequest[] {
		return this.seen.filter((request) => request.authorization !== undefined);
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

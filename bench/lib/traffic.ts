import type { Server, Socket } from 'net';
import { deepCopy } from 'n8n-workflow';
import type { Hub } from '../../test/hub';
import type { Counters } from '../../test/hub/middleware/counters';

/** A copy of the sandbox's counters (read in-process, so reading them costs no request). */
export function snapshot(hub: Hub): Counters {
	return deepCopy(hub.counters);
}

function sum(values: number[]): number {
	return values.reduce((total, value) => total + value, 0);
}

/** API requests answered between two snapshots, optionally only those of one route label or status. */
export function requestsBetween(before: Counters, after: Counters, filter: { label?: string; status?: string } = {}): number {
	const count = (counters: Counters) =>
		sum(
			Object.entries(counters.requests)
				.filter(([label]) => filter.label === undefined || label === filter.label)
				.map(([, byStatus]) =>
					sum(Object.entries(byStatus).filter(([status]) => filter.status === undefined || status === filter.status).map(([, n]) => n)),
				),
		);
	return count(after) - count(before);
}

/** API requests answered with a 4xx/5xx status (or a dropped connection) between two snapshots. */
export function failedRequestsBetween(before: Counters, after: Counters): number {
	const failed = (counters: Counters) =>
		sum(
			Object.values(counters.requests).flatMap((byStatus) =>
				Object.entries(byStatus)
					.filter(([status]) => status === 'reset' || Number(status) >= 400)
					.map(([, n]) => n),
			),
		);
	return failed(after) - failed(before);
}

/**
 * Bytes on the wire (request and response, headers included) between n8n and the sandbox, counted
 * on the sandbox's sockets. Control-API calls share those sockets, so make none while measuring.
 */
export class WireMeter {
	private readonly sockets = new Set<Socket>();
	private readonly server: Server;
	private readonly onConnection = (socket: Socket) => this.sockets.add(socket);

	constructor(hub: Hub) {
		this.server = (hub as unknown as { server: Server }).server;
		this.server.on('connection', this.onConnection);
	}

	private total(): { sent: number; received: number } {
		const all = [...this.sockets];
		return { sent: sum(all.map((socket) => socket.bytesRead)), received: sum(all.map((socket) => socket.bytesWritten)) };
	}

	/** Bytes n8n sent to and received from the sandbox while `run` ran. */
	async measure<T>(run: () => Promise<T>): Promise<{ result: T; sent: number; received: number }> {
		const before = this.total();
		const result = await run();
		const after = this.total();
		return { result, sent: after.sent - before.sent, received: after.received - before.received };
	}

	stop(): void {
		this.server.off('connection', this.onConnection);
	}
}

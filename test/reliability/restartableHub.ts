import type { IncomingMessage, Server, ServerResponse } from 'http';
import { startHub, type Hub, type HubInfo } from '../hub';
import { dropAnswer } from '../transport/support';

/**
 * What the harness needs of a Hub (its URL and `info()`), for a Hub that is restarted under it:
 * a child process, or a new in-process Hub on the same port and state file.
 */
export function hubFacade(current: () => { url: string; info: () => HubInfo }): Hub {
	return {
		get url() {
			return current().url;
		},
		info: () => current().info(),
	} as unknown as Hub;
}

/**
 * An in-process Hub on a fixed port with a state file, which can crash at an exact moment: after
 * the Nth matching request ran and its result was persisted, before the answer is written. That
 * is the window in which a client retries a request that already took effect.
 */
export class RestartableHub {
	hub: Hub;
	private constructor(
		hub: Hub,
		private readonly stateFile: string,
	) {
		this.hub = hub;
	}

	static async start(stateFile: string, port = 0): Promise<RestartableHub> {
		return new RestartableHub(await startHub({ port, stateFile }), stateFile);
	}

	get port(): number {
		return Number(new URL(this.hub.url).port);
	}

	/** Stops listening at once, dropping open connections (the state was written after the last request). */
	async crash(): Promise<void> {
		await this.hub.close();
	}

	async restart(): Promise<void> {
		this.hub = await startHub({ port: this.port, stateFile: this.stateFile });
	}

	/**
	 * Arms the crash: the `nth` request whose method and path match runs, then its connection is
	 * dropped instead of answered, and the Hub goes down; `afterCrash` decides what happens next.
	 */
	crashOnAnswer(match: (method: string, path: string) => boolean, nth: number, afterCrash: () => Promise<void>): Promise<void> {
		const server = (this.hub as unknown as { server: Server }).server;
		let seen = 0;
		return new Promise((resolve, reject) => {
			const onRequest = (message: IncomingMessage, response: ServerResponse) => {
				if (!match(message.method ?? '', new URL(message.url ?? '/', 'http://hub').pathname)) return;
				seen += 1;
				if (seen !== nth) return;
				server.off('request', onRequest);
				dropAnswer(response, () => void this.crash().then(afterCrash).then(resolve, reject));
			};
			server.on('request', onRequest);
		});
	}
}

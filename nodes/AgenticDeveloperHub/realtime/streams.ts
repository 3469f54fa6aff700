import { accountKey } from '../transport/accountKey';
import type { HubContext } from '../transport';
import { SharedStream, type StreamListener } from './sharedStream';

/**
 * The open streams of this n8n process, by kind (route) and account (accountKey.ts): one per
 * account and kind, whatever the number of workflows listening to it.
 */
const streams = new Map<string, SharedStream>();
let unshared = 0;

/** Which stream a context listens to: its account's, or one of its own when the account cannot be told. */
export async function streamKeyFor(context: HubContext, endpoint: string): Promise<string> {
	const account = await accountKey(context);
	unshared += 1;
	return `${endpoint} ${account ?? `unshared ${unshared}`}`;
}

/** Adds the listener to the stream of `key`, opening it when it is the first. */
export function joinStream(key: string, endpoint: string, listener: StreamListener): SharedStream {
	let stream = streams.get(key);
	if (!stream) {
		const created = new SharedStream(endpoint, () => {
			if (streams.get(key) === created) streams.delete(key);
		});
		streams.set(key, created);
		stream = created;
	}
	stream.join(listener);
	return stream;
}

/** How many streams this process keeps open, and for how many listeners (for tests and diagnostics). */
export function sharedStreamCounts(): { streams: number; listeners: number } {
	let listeners = 0;
	for (const stream of streams.values()) listeners += stream.listenerCount;
	return { streams: streams.size, listeners };
}

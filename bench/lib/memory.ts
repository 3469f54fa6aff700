import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

/** A full garbage collection, without needing `node --expose-gc` on the command line. */
export function collectGarbage(): void {
	setFlagsFromString('--expose-gc');
	(runInNewContext('gc') as () => void)();
}

/**
 * Peak heap growth (bytes) while `run` runs, above the heap after a full collection beforehand.
 * The heap is sampled every millisecond the event loop is free, which during network-bound work
 * (every page is an HTTP round trip) is often.
 */
export async function peakHeapGrowth<T>(run: () => Promise<T>): Promise<{ result: T; bytes: number }> {
	collectGarbage();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sample = () => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	};
	const timer = setInterval(sample, 1);
	try {
		const result = await run();
		sample();
		return { result, bytes: peak - baseline };
	} finally {
		clearInterval(timer);
	}
}

export function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

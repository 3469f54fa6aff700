import type { Hub } from '../hub';
import { requestCount } from './support';

/** What one run against the hostile Hub cost, as the suite prints it. */
export interface HostileFigures {
	scenario: string;
	subject: string;
	requests: number;
	otherHostRequests: number;
	peakHeapGrowthMb: number;
	seconds: number;
	outcome: string;
}

/** The bounds every run is checked against (docs/reliability-bounds.md): counts and bytes; time only as a generous ceiling. */
export interface RunBounds {
	requests: number;
	peakHeapGrowthMb: number;
	secondsCeiling: number;
}

/** What the process holds that an answer can grow: the JS heap and the bytes of Buffers (off the heap). */
function heldBytes(): number {
	const { heapUsed, arrayBuffers } = process.memoryUsage();
	return heapUsed + arrayBuffers;
}

/**
 * Runs `work`, sampling the memory held (heap and Buffers) every 5 ms for its peak above the start,
 * and counting the API requests the Hub answered meanwhile.
 */
export async function measured<T>(hub: Hub, work: () => Promise<T>): Promise<{ result: T; requests: number; peakHeapGrowthMb: number; seconds: number }> {
	const startHeap = heldBytes();
	let peak = startHeap;
	const sampler = setInterval(() => {
		peak = Math.max(peak, heldBytes());
	}, 5);
	const before = requestCount(hub.counters);
	const started = performance.now();
	try {
		const result = await work();
		peak = Math.max(peak, heldBytes());
		return {
			result,
			requests: requestCount(hub.counters) - before,
			peakHeapGrowthMb: Math.round(((peak - startHeap) / (1024 * 1024)) * 10) / 10,
			seconds: Math.round((performance.now() - started) / 100) / 10,
		};
	} finally {
		clearInterval(sampler);
	}
}

/** The errors a user must never see: JavaScript's own, which explain nothing. */
export const UNCLEAR_ERROR = /Cannot read prop|is not a function|is not iterable|Invalid time value|Maximum call stack|Unexpected token|undefined|\bNaN\b/;

/** One row per run, each figure beside its bound (`figure / bound`). */
export function figureTable(figures: Array<HostileFigures & { bounds: RunBounds }>): string {
	const header = 'scenario | subject | requests / bound | other host | peak memory growth MB / bound | time s / ceiling | outcome';
	const rows = figures.map(({ bounds, ...row }) =>
		[
			row.scenario,
			row.subject,
			`${row.requests} / ${bounds.requests}`,
			row.otherHostRequests,
			`${row.peakHeapGrowthMb} / ${bounds.peakHeapGrowthMb}`,
			`${row.seconds} / ${bounds.secondsCeiling}`,
			row.outcome.slice(0, 140),
		].join(' | '),
	);
	return ['', 'hostile Hub figures', header, ...rows, ''].join('\n');
}

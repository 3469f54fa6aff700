import { performance } from 'perf_hooks';

/** Settings shared by every timed figure: warm-up runs first, then the median of the repetitions. */
export const WARM_UP_RUNS = 1;
export const REPETITIONS = 5;

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function timeMs(run: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await run();
	return performance.now() - started;
}

/**
 * Times several contenders in the same run: warm-up rounds first (not kept), then repetitions
 * that alternate between the contenders so that drift (GC, CPU frequency) hits all of them alike.
 * Returns the median milliseconds of each.
 */
export async function compareMedians(
	contenders: Record<string, () => Promise<unknown>>,
	{ warmUp = WARM_UP_RUNS, repetitions = REPETITIONS } = {},
): Promise<Record<string, number>> {
	const names = Object.keys(contenders);
	for (let round = 0; round < warmUp; round++) for (const name of names) await contenders[name]();
	const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
	for (let round = 0; round < repetitions; round++) {
		// Alternate who goes first, so neither always runs right after the other's garbage.
		const order = round % 2 === 0 ? names : [...names].reverse();
		for (const name of order) samples[name].push(await timeMs(contenders[name]));
	}
	return Object.fromEntries(names.map((name) => [name, median(samples[name])]));
}

/** Runs `run` `repetitions` times after the warm-up and returns the median of what it reports. */
export async function medianOf(
	run: () => Promise<number>,
	{ warmUp = WARM_UP_RUNS, repetitions = REPETITIONS } = {},
): Promise<number> {
	for (let round = 0; round < warmUp; round++) await run();
	const values: number[] = [];
	for (let round = 0; round < repetitions; round++) values.push(await run());
	return median(values);
}

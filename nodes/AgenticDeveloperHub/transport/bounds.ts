/**
 * The limits on work that the Hub's answers drive (docs/reliability-bounds.md lists them): a Hub
 * that is broken or hostile can make a run stop with a clear error, never loop, buffer or wait
 * without end. Each is far above what a working Hub needs.
 */
const DEFAULT_BOUNDS = Object.freeze({
	/** Pages one trigger scan of a list may read (n8n's HTTP Request node stops at 100 pages by default too). */
	pagesPerScan: 100,
	/** Pages a trigger may read backwards from a position the Hub's own counts gave. */
	pagesPerWalkBack: 20,
	/**
	 * Pages one "Return All" may read: 1,000,000 records at 100 per page. High, as real lists may be
	 * long; a Hub that makes no progress is stopped far sooner (listPagesWithoutProgress).
	 */
	pagesPerList: 10_000,
	/** Pages in a row a "Return All" may read that bring no record it has not seen (a repeating cursor). */
	listPagesWithoutProgress: 2,
	/**
	 * Bytes one JSON answer may hold, decompressed. The largest the Hub sends is a page of at most
	 * 100 records (a few hundred KB with long posts); 32 MiB is a hundred times that, and what n8n
	 * holds of it (the bytes, then the parsed objects) stays well within a default heap.
	 */
	answerBytes: 32 * 1024 * 1024,
	/** Characters one line of an event stream may hold (the Hub's events are a few hundred). */
	streamLineChars: 64 * 1024,
	/** Characters the data of one stream event may hold. */
	streamEventChars: 1024 * 1024,
});

export type HubBounds = { -readonly [Name in keyof typeof DEFAULT_BOUNDS]: number };

export const HUB_BOUNDS: Readonly<HubBounds> = { ...DEFAULT_BOUNDS };

/**
 * Tests only: other bounds until the returned function restores the defaults (a suite proves an
 * absolute cap ends an endless list without reading a million records first).
 */
export function overrideHubBounds(bounds: Partial<HubBounds>): () => void {
	Object.assign(HUB_BOUNDS, bounds);
	return () => void Object.assign(HUB_BOUNDS, DEFAULT_BOUNDS);
}

/** A bound of HUB_BOUNDS was reached: the work stops here, and the message names the bound. */
export class HubBoundError extends Error {
	constructor(
		readonly bound: keyof typeof HUB_BOUNDS | string,
		message: string,
	) {
		super(message);
		this.name = 'HubBoundError';
	}
}

import { PassThrough } from 'stream';
import { HUB_BOUNDS, HubBoundError } from '../../nodes/AgenticDeveloperHub/transport/bounds';
import { readServerSentEvents, ServerSentEventParser } from '../../nodes/AgenticDeveloperHub/transport/serverSentEvents';
import { scanNewestFirst, type NewestFirstList } from '../../nodes/AgenticDeveloperHub/trigger/paging';

interface Row {
	id: string;
	at: number;
}

/** A list that never ends: every page is full, served by `row(position)`. */
function endlessList(row: (position: number) => Row): NewestFirstList<Row> & { requests: number } {
	const list = {
		requests: 0,
		maxPageSize: 100,
		id: (found: Row) => found.id,
		sortKey: (found: Row) => found.at,
		fetchPage: async (page: number, pageSize: number) => {
			list.requests += 1;
			return Array.from({ length: pageSize }, (_unused, index) => row((page - 1) * pageSize + index));
		},
	};
	return list;
}

async function boundError(work: Promise<unknown>): Promise<HubBoundError> {
	const error = await work.then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(HubBoundError);
	return error as HubBoundError;
}

describe('bounds on work the Hub drives', () => {
	describe('trigger scans (pagesPerScan)', () => {
		it('an endless list stops after the bound, with an error naming it', async () => {
			const list = endlessList((position) => ({ id: `r${position}`, at: 1_000_000 }));
			const error = await boundError(scanNewestFirst(list, 0, 5));
			expect(list.requests).toBe(HUB_BOUNDS.pagesPerScan);
			expect(error.bound).toBe('pagesPerScan');
			expect(error.message).toMatch(/after 100 pages \(bound pagesPerScan\)/);
		});

		it('NaN sort keys place no row, so they neither stop the scan nor move the mark; the bound still ends it', async () => {
			const list = endlessList((position) => ({ id: `r${position}`, at: Number.NaN }));
			await boundError(scanNewestFirst(list, 'newest', 5));
			expect(list.requests).toBe(HUB_BOUNDS.pagesPerScan);
		});

		it('the same page answered for every page number (a repeating cursor) ends at the bound too', async () => {
			const list = endlessList((position) => ({ id: `r${position % 5}`, at: 2_000 }));
			await boundError(scanNewestFirst(list, 1_000, 5));
			expect(list.requests).toBe(HUB_BOUNDS.pagesPerScan);
		});

		it('a NaN row among readable ones is kept and the scan still stops at the mark', async () => {
			const rows: Row[] = [
				{ id: 'a', at: 3_000 },
				{ id: 'broken', at: Number.NaN },
				{ id: 'b', at: 2_500 },
				{ id: 'old', at: 1_000 },
			];
			const list = { ...endlessList(() => rows[0]), fetchPage: async (page: number, size: number) => rows.slice((page - 1) * size, page * size) };
			const found = await scanNewestFirst(list, 2_000, 10);
			expect(found.map((row) => row.id)).toEqual(['a', 'broken', 'b']);
		});
	});

	describe('event streams (streamLineChars, streamEventChars)', () => {
		it('a line that never ends is refused once past the bound, however it is split', () => {
			const parser = new ServerSentEventParser();
			const chunk = 'x'.repeat(8 * 1024);
			let pushed = 0;
			const push = () => {
				for (;;) {
					parser.push(chunk);
					pushed += chunk.length;
				}
			};
			expect(push).toThrow(HubBoundError);
			expect(push).toThrow(/bound streamLineChars/);
			expect(pushed).toBeLessThanOrEqual(HUB_BOUNDS.streamLineChars);
		});

		it('a line at the bound is still read', () => {
			const data = 'y'.repeat(HUB_BOUNDS.streamLineChars - 'data: '.length);
			expect(new ServerSentEventParser().push(`data: ${data}\n\n`)).toEqual([{ event: 'message', data }]);
		});

		it('an event over the bound is refused, even made of many short lines', () => {
			const parser = new ServerSentEventParser();
			const line = `data: ${'z'.repeat(1_000)}\n`;
			let lines = 0;
			const push = () => {
				for (;;) {
					parser.push(line);
					lines += 1;
				}
			};
			expect(push).toThrow(/bound streamEventChars/);
			expect(lines * 1_001).toBeLessThanOrEqual(HUB_BOUNDS.streamEventChars);
		});

		it('a 10 MB event on a stream ends the read with the bound error before 10 MB are held', async () => {
			const body = new PassThrough();
			const events: unknown[] = [];
			const done = readServerSentEvents(body, (event) => events.push(event));
			body.write('event: notification\ndata: {}\n\n');
			const megabyte = `data: ${'e'.repeat(1024)}\n`.repeat(1024);
			for (let written = 0; written < 10; written++) body.write(megabyte);
			body.end('\n');
			const error = await boundError(done);
			expect(error.bound).toBe('streamEventChars');
			expect(events).toEqual([{ event: 'notification', data: '{}' }]);
		});
	});
});

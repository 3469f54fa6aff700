import { scanNewestFirst, type NewestFirstList } from '../../nodes/AgenticDeveloperHub/trigger/paging';

interface Row {
	id: string;
	at: number;
}

/**
 * A newest-first list served by page and page size, as the Hub serves it, that changes between
 * two requests of one scan: a race the sandbox cannot time, so the list lives in memory here.
 */
function changingList(rows: Row[], betweenRequests: (rows: Row[]) => void): NewestFirstList<Row> & { requests: number } {
	const list = {
		requests: 0,
		maxPageSize: 100,
		id: (row: Row) => row.id,
		sortKey: (row: Row) => row.at,
		fetchPage: async (page: number, pageSize: number) => {
			if (list.requests++ === 1) betweenRequests(rows);
			return rows.slice((page - 1) * pageSize, page * pageSize);
		},
	};
	return list;
}

describe('trigger paging: scanning a newest-first list', () => {
	const tenRows = () => Array.from({ length: 10 }, (_unused, index) => ({ id: `a${index}`, at: 1_000 - index }));

	it('still reads the row that moved up when a row above it was removed between two requests', async () => {
		// The first request reads a0–a4; then a2 is archived, so a5 moves up to position 4.
		const list = changingList(tenRows(), (rows) => rows.splice(2, 1));
		const found = await scanNewestFirst(list, null, 5);
		expect(found.map((row) => row.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9']);
		expect(list.requests).toBe(2);
	});

	it('reads every row once when a new row arrives at the top between two requests', async () => {
		const list = changingList(tenRows(), (rows) => rows.unshift({ id: 'new', at: 2_000 }));
		const found = await scanNewestFirst(list, null, 5);
		expect(found.map((row) => row.id).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'new']);
	});

	it('stops at the first row older than the mark', async () => {
		const list = changingList(tenRows(), () => undefined);
		const found = await scanNewestFirst(list, 994, 5);
		expect(found.map((row) => row.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
	});
});

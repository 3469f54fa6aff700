import { PassThrough } from 'stream';
import {
	readServerSentEvents,
	ServerSentEventParser,
	type ServerSentEvent,
} from '../../nodes/AgenticDeveloperHub/transport/serverSentEvents';

/** Every event of `text` fed as the given chunks, including those the end releases. */
function parseChunks(chunks: string[]): ServerSentEvent[] {
	const parser = new ServerSentEventParser();
	return [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
}

const parse = (text: string) => parseChunks([text]);

describe('Server-Sent Events parser', () => {
	it('joins multi-line data with newlines and names events (default "message")', () => {
		expect(parse('event: notification\ndata: {}\n\ndata: first\ndata: second\n\n')).toEqual([
			{ event: 'notification', data: '{}' },
			{ event: 'message', data: 'first\nsecond' },
		]);
	});

	it('ignores comments and unknown fields, and dispatches nothing for blank lines alone', () => {
		expect(parse(': keep-alive\n\n\n:another\nfoo: bar\ndata: x\n: inside\n\n')).toEqual([{ event: 'message', data: 'x' }]);
	});

	it('takes CRLF, LF and CR alike as line ends', () => {
		const expected = [
			{ event: 'a', data: '1\n2' },
			{ event: 'b', data: '3' },
		];
		expect(parse('event: a\r\ndata: 1\r\ndata: 2\r\n\r\nevent: b\r\ndata: 3\r\n\r\n')).toEqual(expected);
		expect(parse('event: a\rdata: 1\rdata: 2\r\revent: b\rdata: 3\r\r')).toEqual(expected);
		expect(parse('event: a\ndata: 1\r\ndata: 2\r\revent: b\rdata: 3\n\r\n')).toEqual(expected);
	});

	it('gives the same events wherever the stream is split, also between CR and LF', () => {
		const text = '\uFEFFevent: notification\r\ndata: {}\r\n\r\n: c\r\ndata: a\rdata: b\n\nevent: message\r\ndata: {"seq":7}\r\n\r\n';
		const whole = parse(text);
		expect(whole).toEqual([
			{ event: 'notification', data: '{}' },
			{ event: 'message', data: 'a\nb' },
			{ event: 'message', data: '{"seq":7}' },
		]);
		for (let cut = 0; cut <= text.length; cut++) {
			expect(parseChunks([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
		}
		expect(parseChunks(text.split(''))).toEqual(whole);
	});

	it('strips one space after the colon only, and reads a field without a colon as empty', () => {
		expect(parse('data:no space\n\ndata:  two spaces\n\ndata\ndata\n\n')).toEqual([
			{ event: 'message', data: 'no space' },
			{ event: 'message', data: ' two spaces' },
			{ event: 'message', data: '\n' },
		]);
	});

	it('dispatches a named event without data (a Hub without realtime sends "ready")', () => {
		expect(parse('event: ready\n\n')).toEqual([{ event: 'ready', data: '' }]);
	});

	it('keeps the last id for later events, and reads retry per event', () => {
		expect(parse('id: 1\ndata: a\nretry: 3000\n\ndata: b\n\nid\ndata: c\nretry: soon\n\n')).toEqual([
			{ event: 'message', data: 'a', id: '1', retry: 3000 },
			{ event: 'message', data: 'b', id: '1' },
			{ event: 'message', data: 'c', id: '' },
		]);
	});

	it('dispatches a trailing event without its blank line when the stream ends', () => {
		const parser = new ServerSentEventParser();
		expect(parser.push('data: done\n\nevent: notification\ndata: {}')).toEqual([{ event: 'message', data: 'done' }]);
		expect(parser.end()).toEqual([{ event: 'notification', data: '{}' }]);
		expect(parser.end()).toEqual([]);
	});
});

describe('reading an event stream body', () => {
	it('decodes UTF-8 split inside a character, delivers events as they complete, and resolves at the end', async () => {
		const body = new PassThrough();
		const seen: Array<{ event: ServerSentEvent; at: number }> = [];
		let chunksWritten = 0;
		const done = readServerSentEvents(body, (event) => seen.push({ event, at: chunksWritten }));
		const bytes = Buffer.from('data: Grüße 👋\n\nevent: notification\ndata: {}', 'utf8');
		for (const [start, end] of [
			[0, 10],
			[10, 16],
			[16, bytes.length],
		]) {
			chunksWritten += 1;
			body.write(bytes.subarray(start, end));
			await new Promise((resolve) => setImmediate(resolve));
		}
		body.end();
		await done;
		expect(seen).toEqual([
			{ event: { event: 'message', data: 'Grüße 👋' }, at: 3 },
			{ event: { event: 'notification', data: '{}' }, at: 3 },
		]);
	});

	it('rejects when the body breaks, without the event it cut short', async () => {
		const body = new PassThrough();
		const seen: ServerSentEvent[] = [];
		const done = readServerSentEvents(body, (event) => seen.push(event));
		body.write('data: whole\n\ndata: cut sh');
		await new Promise((resolve) => setImmediate(resolve));
		body.destroy(new Error('aborted'));
		await expect(done).rejects.toThrow('aborted');
		expect(seen).toEqual([{ event: 'message', data: 'whole' }]);
	});

	it('rejects when the body closes without ending', async () => {
		const body = new PassThrough();
		const done = readServerSentEvents(body, () => undefined);
		body.destroy();
		await expect(done).rejects.toThrow(/closed before it ended/);
	});

	it('stops at an event its handler refuses', async () => {
		const body = new PassThrough();
		const seen: string[] = [];
		const done = readServerSentEvents(body, (event) => {
			seen.push(event.data);
			if (event.data === 'bad') throw new Error('refused');
		});
		body.end('data: ok\n\ndata: bad\n\ndata: after\n\n');
		await expect(done).rejects.toThrow('refused');
		expect(seen).toEqual(['ok', 'bad']);
	});
});

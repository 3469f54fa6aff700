import { HUB_BOUNDS, HubBoundError } from './bounds';
import { headerValue } from './hubError';

/** The readable body n8n's HTTP client answers with `encoding: 'stream'` (already decompressed). */
export interface ReadableBody {
	on(event: string, listener: (value?: unknown) => void): unknown;
	destroy?(error?: Error): void;
}

export function isReadableBody(value: unknown): value is ReadableBody {
	return typeof value === 'object' && value !== null && typeof (value as ReadableBody).on === 'function';
}

function tooLarge(route: string): HubBoundError {
	const mebibytes = HUB_BOUNDS.answerBytes / (1024 * 1024);
	return new HubBoundError(
		'answerBytes',
		`The Hub's answer to ${route} exceeded ${mebibytes} MiB (bound answerBytes); it was not read further`,
	);
}

/**
 * The bytes of one answer, at most `HUB_BOUNDS.answerBytes` of them: past the bound (or a
 * Content-Length above it) the connection is closed and nothing more is held. `signal` (the
 * execution's cancel signal) closes it too.
 */
async function boundedBytes(body: ReadableBody, headers: Record<string, unknown>, route: string, signal?: AbortSignal): Promise<Buffer> {
	if (Number(headerValue(headers, 'content-length')) > HUB_BOUNDS.answerBytes) {
		body.destroy?.();
		throw tooLarge(route);
	}
	return await new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const settle = (error?: unknown) => {
			if (settled) return;
			settled = true;
			signal?.removeEventListener('abort', cancel);
			if (error) reject(error);
			else resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
		};
		const cancel = () => {
			body.destroy?.();
			settle(signal?.reason ?? new Error('The execution was canceled'));
		};
		if (signal?.aborted) return cancel();
		signal?.addEventListener('abort', cancel, { once: true });
		body.on('data', (chunk) => {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
			size += bytes.length;
			if (size > HUB_BOUNDS.answerBytes) {
				body.destroy?.();
				return settle(tooLarge(route));
			}
			chunks.push(bytes);
		});
		body.on('end', () => settle());
		body.on('error', (error) => settle(error ?? new Error('The connection closed while the answer was read')));
		// A body closed before its end (a reset connection) is a failed read, as n8n's client would throw.
		body.on('close', () => settle(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
	});
}

/**
 * One JSON answer read as n8n's HTTP client reads it unstreamed (UTF-8, a byte order mark dropped,
 * JSON parsed, text that is no JSON kept as text, an empty body as ''), but bounded in size.
 */
export async function readAnswer(body: unknown, headers: Record<string, unknown>, route: string, signal?: AbortSignal): Promise<unknown> {
	if (!isReadableBody(body)) return body;
	let text = (await boundedBytes(body, headers, route, signal)).toString('utf8');
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text === '') return text;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

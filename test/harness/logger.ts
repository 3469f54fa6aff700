import type { Logger } from '@n8n/backend-common';

/** JSON of anything a run exposes: errors expanded (message, stack, own fields), cycles cut. */
export function serialize(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, entry: unknown) => {
		if (entry instanceof Error) return { ...entry, name: entry.name, message: entry.message, stack: entry.stack };
		if (typeof entry === 'object' && entry !== null) {
			if (seen.has(entry)) return '[circular]';
			seen.add(entry);
		}
		return entry;
	});
}

/** n8n's Logger, writing every line (with its metadata, errors expanded) into `lines` for secret scans. */
export function captureLogger(lines: string[]): Logger {
	const write =
		(level: string) =>
		(message: string, meta?: unknown): void => {
			lines.push(`${level} ${message}${meta === undefined ? '' : ` ${serialize(meta)}`}`);
		};
	const logger = {
		error: write('error'),
		warn: write('warn'),
		info: write('info'),
		debug: write('debug'),
		scoped: () => logger,
	};
	return logger as unknown as Logger;
}

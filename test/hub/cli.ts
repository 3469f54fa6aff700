import { startHub, type HubOptions } from './hub';
import { IDEMPOTENCY_MODES, type IdempotencyMode } from './middleware/idempotency';

/*
 * `npm run hub -- --port N --access-token-ttl S --redirect-uri URI (repeatable) --state FILE
 * --rate-limit N --idempotency declared|every-post --error-shape published|flat --max-page-size N`:
 * prints `hub.info()` as one JSON line once listening; SIGINT/SIGTERM stop it. Contract violations go
 * to stderr as they happen.
 */

const USAGE =
	'usage: npm run hub -- [--port N] [--access-token-ttl SECONDS] [--redirect-uri URI]... [--state FILE] [--rate-limit N] [--idempotency declared|every-post] [--error-shape published|flat] [--max-page-size N]';

function wholeNumber(flag: string, value: string): number {
	if (!/^\d+$/.test(value)) throw new Error(`${flag} needs a whole number, got "${value}"`);
	return Number(value);
}

export function parseArguments(argv: string[]): HubOptions {
	const options: HubOptions = {};
	const redirectUris: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			const next = inline ?? argv[++i];
			if (next === undefined) throw new Error(`${flag} needs a value`);
			return next;
		};
		switch (flag) {
			case '--port':
				options.port = wholeNumber(flag, value());
				break;
			case '--access-token-ttl':
				options.accessTokenTtl = wholeNumber(flag, value());
				break;
			case '--redirect-uri':
				redirectUris.push(value());
				break;
			case '--state':
				options.stateFile = value();
				break;
			case '--rate-limit':
				options.rateLimit = wholeNumber(flag, value());
				break;
			case '--idempotency': {
				const mode = value();
				if (!IDEMPOTENCY_MODES.includes(mode as IdempotencyMode)) throw new Error(`${flag} needs one of ${IDEMPOTENCY_MODES.join(', ')}, got "${mode}"`);
				options.idempotency = mode as IdempotencyMode;
				break;
			}
			case '--error-shape': {
				const shape = value();
				if (shape !== 'published' && shape !== 'flat') throw new Error(`--error-shape is published or flat, got "${shape}"`);
				options.errorShape = shape;
				break;
			}
			case '--max-page-size':
				options.maxPageSize = wholeNumber(flag, value());
				break;
			default:
				throw new Error(`unknown argument "${flag}"`);
		}
	}
	if (redirectUris.length > 0) options.redirectUris = redirectUris;
	return options;
}

async function main(): Promise<void> {
	let options: HubOptions;
	try {
		options = parseArguments(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
		process.exit(2);
	}
	const hub = await startHub(options);
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		void hub.close().then(() => process.exit(0));
	};
	// Installed before the ready line, so a caller may signal as soon as it reads it.
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	process.stdout.write(`${JSON.stringify(hub.info())}\n`);
}

if (require.main === module) {
	main().catch((error: Error) => {
		process.stderr.write(`sandbox hub failed to start: ${error.message}\n`);
		process.exit(1);
	});
}

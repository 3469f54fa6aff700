import { isTokenExpired, parseHubError, parseWwwAuthenticate } from '../../nodes/AgenticDeveloperHub/transport/hubError';
import { jwtExpiryMs, jwtPayloadOf } from '../../nodes/AgenticDeveloperHub/transport/tokenFreshness';

const MEGABYTE = 1024 * 1024;

/**
 * A string that counts the characters the parser looks at: every `indexOf` / `lastIndexOf` scan
 * (the characters between its start and where it stopped), every `charCodeAt`, every `slice`
 * copied. The parsers reach their input only through these, so the count is their work, on any
 * machine. Linear parsing looks at each character a bounded number of times: the patterns these
 * replaced took 1.7 s on a 40,000-character token and grew with the square.
 */
class CountingText {
	looked = 0;

	constructor(private readonly text: string) {}

	get length(): number {
		return this.text.length;
	}

	indexOf(search: string, from = 0): number {
		const found = this.text.indexOf(search, from);
		this.looked += (found < 0 ? this.text.length : found + search.length) - from;
		return found;
	}

	lastIndexOf(search: string, from = this.text.length): number {
		const found = this.text.lastIndexOf(search, from);
		this.looked += Math.min(from, this.text.length) - (found < 0 ? 0 : found) + 1;
		return found;
	}

	charCodeAt(index: number): number {
		this.looked += 1;
		return this.text.charCodeAt(index);
	}

	slice(start: number, end?: number): string {
		const part = this.text.slice(start, end);
		this.looked += part.length;
		return part;
	}

	toLowerCase(): string {
		this.looked += this.text.length;
		return this.text.toLowerCase();
	}

	/** Characters looked at per character of the input. */
	perCharacter(): number {
		return this.looked / this.text.length;
	}
}

/** The parser's work on `text`, per character, through a CountingText. */
function workPerCharacter(text: string, parse: (input: string) => unknown): number {
	const counting = new CountingText(text);
	parse(counting as unknown as string);
	return counting.perCharacter();
}

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('linear-time parsing of what the Hub sends (work counted, not timed)', () => {
	it('a 1 MB token shaped to defeat a backtracking pattern is read as no JWT, looking at each character at most 3 times', () => {
		const hostile = `adh_${'a'.repeat(MEGABYTE)}.${'b'.repeat(16)}%`;
		expect(jwtExpiryMs(hostile)).toBeUndefined();
		expect(workPerCharacter(hostile, jwtPayloadOf)).toBeLessThanOrEqual(3);
	});

	it.each([
		['dots everywhere', '.'.repeat(MEGABYTE)],
		['a dot every other character', 'a.'.repeat(MEGABYTE / 2)],
		['no dot at all', 'a'.repeat(MEGABYTE)],
		['two dots, then a character that is no base64url', `a.${'b'.repeat(MEGABYTE)}.c%`],
	])('a 1 MB token with %s: at most 3 looks per character', (_shape, token) => {
		expect(workPerCharacter(token, jwtPayloadOf)).toBeLessThanOrEqual(3);
	});

	it('a 1 MB well-formed token still gives its exp, in linear work', () => {
		const token = `adh_${part({ alg: 'HS256' })}.${part({ exp: 1_800_000_000, padding: 'p'.repeat(MEGABYTE) })}.${'s'.repeat(43)}`;
		expect(jwtExpiryMs(token)).toBe(1_800_000_000_000);
		expect(workPerCharacter(token, jwtPayloadOf)).toBeLessThanOrEqual(3);
	});

	it('a 1 MB WWW-Authenticate header is read, its parameters still count, each character looked at a bounded number of times', () => {
		const header = `Bearer ${'a'.repeat(MEGABYTE)} error="invalid_token", error_description="token_expired", ${'b="'.repeat(1000)}`;
		const response = { status: 401, headers: { 'www-authenticate': header }, body: '' };
		const result = parseHubError(response);
		expect(result.code).toBe('token_expired');
		expect(isTokenExpired(result, response.headers)).toBe(true);
		expect(workPerCharacter(header, parseWwwAuthenticate)).toBeLessThanOrEqual(4);
	});

	it.each([
		['unclosed quotes', 'b="'.repeat(MEGABYTE / 3)],
		['names without values', 'name='.repeat(MEGABYTE / 5)],
		['values without names', '="x"'.repeat(MEGABYTE / 4)],
		['one long name', `${'n'.repeat(MEGABYTE)}="v"`],
	])('a 1 MB WWW-Authenticate header of %s: a bounded number of looks per character', (_shape, header) => {
		expect(workPerCharacter(header, parseWwwAuthenticate)).toBeLessThanOrEqual(4);
	});

	it('reads the challenge as before: names case-insensitive, values as written, odd parts skipped', () => {
		const info = parseHubError({
			status: 403,
			headers: { 'WWW-Authenticate': 'Bearer ="x" ERROR="insufficient_scope", Scope="discussions:write" trailing="unclosed' },
			body: '',
		});
		expect(info).toMatchObject({ code: 'insufficient_scope', requiredScope: 'discussions:write' });
	});
});

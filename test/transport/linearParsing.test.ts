import { isTokenExpired, parseHubError } from '../../nodes/AgenticDeveloperHub/transport/hubError';
import { jwtExpiryMs } from '../../nodes/AgenticDeveloperHub/transport/tokenFreshness';

const MEGABYTE = 1024 * 1024;

/**
 * Tokens and WWW-Authenticate headers come from the Hub: reading them takes time linear in their
 * size. The patterns this replaced took 1.7 s on a 40,000-character token and grew with the
 * square (about 20 minutes for 1 MB). The ceiling below is a generous 1 s, not a speed target:
 * it only tells linear from quadratic, on any machine (measured: a few milliseconds).
 */
const LINEAR_CEILING_MS = 1_000;

function timed<T>(work: () => T): { result: T; ms: number } {
	const start = performance.now();
	const result = work();
	return { result, ms: performance.now() - start };
}

describe('linear-time parsing of what the Hub sends', () => {
	it('a 1 MB token shaped to defeat a backtracking pattern is read (as no JWT) at once', () => {
		const hostile = `adh_${'a'.repeat(MEGABYTE)}.${'b'.repeat(16)}%`;
		const { result, ms } = timed(() => jwtExpiryMs(hostile));
		expect(result).toBeUndefined();
		expect(ms).toBeLessThan(LINEAR_CEILING_MS);
	});

	it('a 1 MB well-formed token still gives its exp', () => {
		const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const token = `adh_${part({ alg: 'HS256' })}.${part({ exp: 1_800_000_000, padding: 'p'.repeat(MEGABYTE) })}.${'s'.repeat(43)}`;
		const { result, ms } = timed(() => jwtExpiryMs(token));
		expect(result).toBe(1_800_000_000_000);
		expect(ms).toBeLessThan(LINEAR_CEILING_MS);
	});

	it('a 1 MB WWW-Authenticate header is read at once, and its parameters still count', () => {
		const header = `Bearer ${'a'.repeat(MEGABYTE)} error="invalid_token", error_description="token_expired", ${'b="'.repeat(1000)}`;
		const response = { status: 401, headers: { 'www-authenticate': header }, body: '' };
		const { result, ms } = timed(() => parseHubError(response));
		expect(result.code).toBe('token_expired');
		expect(isTokenExpired(result, response.headers)).toBe(true);
		expect(ms).toBeLessThan(LINEAR_CEILING_MS);
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

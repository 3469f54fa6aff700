import { expiresSoon, jwtExpiryMs, tokenExpiresAt, tokenFingerprint } from '../../nodes/AgenticDeveloperHub/transport/tokenFreshness';

/** `adh_` + an unsigned JWT with the given claims (the transport never verifies the signature). */
function hubToken(claims: Record<string, unknown>): string {
	const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `adh_${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

describe('token freshness (pure)', () => {
	const now = 1_800_000_000_000;

	it('reads the JWT exp inside an adh_ token without verifying it', () => {
		expect(jwtExpiryMs(hubToken({ exp: 1_800_000_100 }))).toBe(1_800_000_100_000);
		expect(jwtExpiryMs('adh_rt_opaque')).toBeUndefined();
		expect(jwtExpiryMs('adh_not.a.jwt%')).toBeUndefined();
	});

	it('takes the earlier of n8n_expires_at and the JWT exp', () => {
		const oauthTokenData = { access_token: hubToken({ exp: (now + 300_000) / 1000 }), n8n_expires_at: String(now + 120_000) };
		expect(tokenExpiresAt({ oauthTokenData })).toBe(now + 120_000);
		expect(tokenExpiresAt({ oauthTokenData: { access_token: 'opaque' } })).toBeUndefined();
	});

	it('ignores an n8n_expires_at that an older token left (n8n 1.x keeps it across its refreshes)', () => {
		// An hour-long token issued now; n8n_expires_at of the token it replaced, 50 minutes earlier.
		const access_token = hubToken({ iat: now / 1000, exp: (now + 3_600_000) / 1000 });
		expect(tokenExpiresAt({ oauthTokenData: { access_token, n8n_expires_at: String(now + 600_000) } })).toBe(now + 3_600_000);
		expect(expiresSoon({ oauthTokenData: { access_token, n8n_expires_at: String(now - 3_000_000) } }, now)).toBe(false);
		// One written for this token (within its second half, a clock apart) still counts.
		expect(tokenExpiresAt({ oauthTokenData: { access_token, n8n_expires_at: String(now + 3_590_000) } })).toBe(now + 3_590_000);
	});

	it('refreshes ahead inside 60 s, never more than half a short lifetime ahead', () => {
		const token = (secondsLeft: number, expiresIn = 3600) => ({
			oauthTokenData: { access_token: hubToken({ exp: (now + secondsLeft * 1000) / 1000 }), expires_in: expiresIn },
		});
		expect(expiresSoon(token(59), now)).toBe(true);
		expect(expiresSoon(token(0), now)).toBe(true);
		expect(expiresSoon(token(61), now)).toBe(false);
		// A Hub issuing 40 s tokens: refresh 20 s ahead, not before every call.
		expect(expiresSoon(token(40, 40), now)).toBe(false);
		expect(expiresSoon(token(19, 40), now)).toBe(true);
		expect(expiresSoon({ oauthTokenData: { access_token: 'opaque' } }, now)).toBe(false);
	});

	it('labels tokens without keeping them', () => {
		const token = hubToken({ exp: 1 });
		// A length and a 32-bit hash: nothing of the token itself.
		expect(tokenFingerprint(token)).toMatch(/^\d+:[0-9a-z]{1,7}$/);
		expect(tokenFingerprint(token)).toBe(tokenFingerprint(`${token}`));
		expect(tokenFingerprint(token)).not.toBe(tokenFingerprint(hubToken({ exp: 2 })));
	});
});

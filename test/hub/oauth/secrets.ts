import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/** A URL-safe random string with `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

/** How opaque tokens are keyed in state: the file never holds a usable token. */
export function tokenKey(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

/** The PKCE S256 transform (RFC 7636 section 4.2). */
export function s256(verifier: string): string {
	return createHash('sha256').update(verifier).digest('base64url');
}

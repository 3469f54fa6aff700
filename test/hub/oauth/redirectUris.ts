/** Redirect URIs the Hub accepts at registration (hub-api.md 1.1): HTTPS, or http on loopback with a port. */
export function isAcceptableRedirectUri(value: string): boolean {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return false;
	}
	if (url.hash || url.username || url.password) return false;
	if (url.protocol === 'https:') return true;
	return url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname) && url.port !== '';
}

export const REDIRECT_URI_RULE =
	'Redirect URIs must be HTTPS, or http://localhost:<port>/... or http://127.0.0.1:<port>/..., without a fragment';

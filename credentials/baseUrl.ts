import type { INodeProperties } from 'n8n-workflow';

/** The Hub's address, shared by both credentials; the transport refuses anything but https or loopback http. */
export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: 'https://api.agenticdeveloperhub.com',
	required: true,
	placeholder: 'https://api.agenticdeveloperhub.com',
	description:
		'Address of the Hub API, without /api. Must use https:// (plain http:// is accepted only for localhost and 127.0.0.1), with no user name or password in it.',
};

/**
 * An expression over the Base URL at `reference` (e.g. `$self["baseUrl"]`): the URL without a
 * trailing slash, or a refusal text when it holds a user name or password, or is plain http on a
 * host other than localhost or 127.0.0.1. The refusal is no URL, so n8n sends nothing there: no token, client secret or code.
 */
export function secureBaseUrlExpression(reference: string): string {
	const url = `String(${reference}).trim()`;
	return (
		// A user name or password in the URL (`https://user:pass@host`) would travel with every request.
		`(/^[a-z]+:\\/\\/[^/?#]*@/i.test(${url})` +
		' ? "Refused: the Base URL must not contain a user name or password (user:password@)"' +
		` : /^https:\\/\\/|^http:\\/\\/(localhost|127\\.0\\.0\\.1)(:\\d+)?(\\/|$)/i.test(${url})` +
		` ? ${url}.replace(/\\/+$/, "")` +
		' : "Refused: the Base URL must start with https:// (plain http:// is allowed only for localhost and 127.0.0.1)")'
	);
}

/** Shown under the Base URL while it is plain http on another host than localhost or 127.0.0.1. */
export const insecureBaseUrlNotice: INodeProperties = {
	displayName:
		'The Base URL must start with https://. Plain http:// is accepted only for localhost and 127.0.0.1; other http addresses are refused.',
	name: 'insecureBaseUrlNotice',
	type: 'notice',
	default: '',
	// Plain string tests: n8n runs a `regex` condition in a VM (250 ms timeout) on every read of the credential.
	displayOptions: {
		show: { baseUrl: [{ _cnd: { startsWith: 'http://' } }] },
		hide: {
			baseUrl: [
				'http://localhost',
				{ _cnd: { startsWith: 'http://localhost:' } },
				{ _cnd: { startsWith: 'http://localhost/' } },
				'http://127.0.0.1',
				{ _cnd: { startsWith: 'http://127.0.0.1:' } },
				{ _cnd: { startsWith: 'http://127.0.0.1/' } },
			],
		},
	},
};

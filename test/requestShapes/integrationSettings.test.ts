import { node, rl } from '../node/support';
import { ecosystem, ECOSYSTEMS, IDS } from './fixtures';
import { runShapeCases, type ShapeCase } from './cases';
import type { Exchange } from './support';

const listEcosystems: Exchange = { request: { method: 'GET', path: '/api/ecosystem/ecosystems' }, response: { status: 200, body: ECOSYSTEMS } };

const simplifiedEcosystem = (overrides: Record<string, unknown> = {}) => {
	const { id, slug, name, description, isDefault, region, primaryDomain, createdAt } = ecosystem(overrides);
	return { id, slug, name, description, isDefault, region, primaryDomain, createdAt };
};

const AUTH_URL = { url: 'https://accounts.example.com/o/oauth2/auth?state=s1', state: 's1' };

const cases: ShapeCase[] = [
	{
		name: 'Integration Get Auth URL in the default ecosystem (looked up), with the options',
		parameters: {
			resource: 'integration',
			operation: 'getAuthUrl',
			providerId: 'google-workspace',
			redirectUri: 'https://example.com/connected',
			options: { serviceType: 'email', scopes: 'gmail.send' },
		},
		exchanges: [
			listEcosystems,
			{
				request: {
					method: 'GET',
					path: '/api/integrations/providers/google-workspace/auth-url',
					query: { ecosystemId: IDS.ecosystem, redirectUri: 'https://example.com/connected', serviceType: 'email', scopes: 'gmail.send' },
				},
				response: { status: 200, body: AUTH_URL },
			},
		],
		output: [{ ...AUTH_URL, providerId: 'google-workspace', ecosystemId: IDS.ecosystem }],
	},
	{
		name: 'Integration Get Auth URL: a Redirect URI that is no URL is refused before any request',
		parameters: { resource: 'integration', operation: 'getAuthUrl', providerId: 'google-workspace', redirectUri: 'example.com', ecosystemId: rl(IDS.ecosystem) },
		continueOnFail: true,
		exchanges: [],
		output: (items) => expect(String(items[0].error)).toMatch(/"Redirect URI" must be an http\(s\) URL.*\[item 0\]/),
	},
	{
		name: 'Integration Update Settings: lists from comma-separated text, only the settings given',
		parameters: {
			resource: 'integration',
			operation: 'updateSettings',
			connectionId: rl(IDS.connection),
			settings: { redditSubreddits: 'n8n, selfhosted', gmailWindowDays: 14 },
		},
		exchanges: [
			{
				request: { method: 'PATCH', path: `/api/integrations/${IDS.connection}/settings`, body: { redditSubreddits: ['n8n', 'selfhosted'], gmailWindowDays: 14 } },
				response: { status: 200, body: { ok: true, syncSettings: { redditSubreddits: ['n8n', 'selfhosted'], gmailWindowDays: 14 } } },
			},
		],
		output: [{ ok: true, syncSettings: { redditSubreddits: ['n8n', 'selfhosted'], gmailWindowDays: 14 }, id: IDS.connection }],
	},
	{
		name: 'Integration Update Settings without any setting is refused before any request',
		parameters: { resource: 'integration', operation: 'updateSettings', connectionId: rl(IDS.connection), settings: {} },
		continueOnFail: true,
		exchanges: [],
		output: (items) => expect(String(items[0].error)).toMatch(/"Settings" must have at least one setting \[item 0\]/),
	},
	{
		name: 'Integration Get Many Ecosystems, simplified',
		parameters: { resource: 'integration', operation: 'getAllEcosystems', returnAll: true },
		exchanges: [listEcosystems],
		output: [simplifiedEcosystem({ id: IDS.otherEcosystem, slug: 'acme', name: 'Acme', isDefault: false }), simplifiedEcosystem()],
	},
	{
		name: 'Integration Get Ecosystem by a reverse-domain ID, raw',
		parameters: { resource: 'integration', operation: 'getEcosystem', ecosystemId: rl(IDS.otherEcosystem), simplify: false },
		exchanges: [{ request: { method: 'GET', path: `/api/ecosystem/ecosystems/${IDS.otherEcosystem}` }, response: { status: 200, body: ECOSYSTEMS[0] } }],
		output: [ECOSYSTEMS[0]],
	},
];

describe('Request shapes: integration auth URL, settings and ecosystems', () => {
	runShapeCases(node, cases);
});

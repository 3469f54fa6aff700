import { node, rl } from '../node/support';
import { connection, ECOSYSTEMS, IDS } from './fixtures';
import { runShapeCases, type ShapeCase } from './cases';
import type { Exchange } from './support';

/* GitHub App connections of the newer published types: Get Install URL, then Connect with the installation. */

const listEcosystems: Exchange = { request: { method: 'GET', path: '/api/ecosystem/ecosystems' }, response: { status: 200, body: ECOSYSTEMS } };
const INSTALL = { url: 'https://github.com/apps/agentic-developer-hub/installations/new?state=s1', state: 's1' };
const GITHUB_CONNECTION = connection({ provider: 'github', serviceType: 'code', displayName: 'GitHub (ada-lovelace)', username: 'ada-lovelace', externalAccountId: '52345678' });
const connectGithub = (installationId: unknown, state: string) => ({
	resource: 'integration',
	operation: 'connect',
	connectionType: 'github_app',
	providerId: 'github',
	serviceType: 'code',
	ecosystemId: rl(IDS.ecosystem),
	installationId: installationId as string,
	state,
});
const connectRequest = (installationId: string) => ({
	method: 'POST' as const,
	path: '/api/integrations/connect',
	body: { type: 'github_app', providerId: 'github', serviceType: 'code', installationId, state: 's1', ecosystemId: IDS.ecosystem },
});

const cases: ShapeCase[] = [
	{
		name: 'Integration Get Install URL in the default ecosystem (looked up), with a service type',
		parameters: { resource: 'integration', operation: 'getInstallUrl', providerId: 'github', options: { serviceType: 'code' } },
		exchanges: [
			listEcosystems,
			{
				request: { method: 'GET', path: '/api/integrations/providers/github/install-url', query: { ecosystemId: IDS.ecosystem, serviceType: 'code' } },
				response: { status: 200, body: INSTALL },
			},
		],
		output: [{ ...INSTALL, providerId: 'github', ecosystemId: IDS.ecosystem }],
	},
	{
		name: 'Integration Get Install URL in a chosen ecosystem, no service type',
		parameters: { resource: 'integration', operation: 'getInstallUrl', providerId: 'github', ecosystemId: rl(IDS.otherEcosystem) },
		exchanges: [
			{
				request: { method: 'GET', path: '/api/integrations/providers/github/install-url', query: { ecosystemId: IDS.otherEcosystem } },
				response: { status: 200, body: INSTALL },
			},
		],
		output: [{ ...INSTALL, providerId: 'github', ecosystemId: IDS.otherEcosystem }],
	},
	{
		name: 'Integration Get Install URL of a provider that is no GitHub App: the Hub\'s problem details on the item',
		parameters: { resource: 'integration', operation: 'getInstallUrl', providerId: 'bluesky', ecosystemId: rl(IDS.ecosystem) },
		continueOnFail: true,
		exchanges: [
			{
				request: { method: 'GET', path: '/api/integrations/providers/bluesky/install-url', query: { ecosystemId: IDS.ecosystem } },
				response: {
					status: 400,
					contentType: 'application/problem+json',
					body: { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Bluesky connects with "app_password", not as a GitHub App', code: 'validation_error', field: 'providerId' },
				},
			},
		],
		output: (items) => expect(String(items[0].error)).toMatch(/Bluesky connects with "app_password", not as a GitHub App/),
	},
	{
		name: 'Integration Connect with a GitHub App installation and the install URL\'s state',
		parameters: connectGithub('52345678', 's1'),
		exchanges: [{ request: connectRequest('52345678'), response: { status: 200, body: GITHUB_CONNECTION } }],
		output: [GITHUB_CONNECTION],
	},
	{
		name: 'Integration Connect with a GitHub App: a numeric Installation ID (from an expression) is sent as text',
		parameters: connectGithub(52345678, 's1'),
		exchanges: [{ request: connectRequest('52345678'), response: { status: 200, body: GITHUB_CONNECTION } }],
		output: [GITHUB_CONNECTION],
	},
	{
		name: 'Integration Connect with a GitHub App without the State is refused before any request',
		parameters: connectGithub('52345678', ' '),
		continueOnFail: true,
		exchanges: [],
		output: (items) => expect(String(items[0].error)).toMatch(/"State" must not be empty \[item 0\]/),
	},
];

describe('Request shapes: GitHub App connections', () => {
	runShapeCases(node, cases);
});

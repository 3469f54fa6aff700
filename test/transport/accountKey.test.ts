import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { ACCOUNT_KEY_MAX_AGE_MS, accountKey, sharedReadKey } from '../../nodes/AgenticDeveloperHub/transport/accountKey';
import type { HubContext } from '../../nodes/AgenticDeveloperHub/transport';

/** A trigger's context as the key sees it: its credential (personal token), counted per read. */
function triggerContext(data: ICredentialDataDecryptedObject) {
	const reads = { count: 0 };
	const context = {
		getNodeParameter: (name: string, _index: number, fallback?: unknown) => (name === 'authentication' ? 'apiToken' : fallback),
		getCredentials: async () => {
			reads.count += 1;
			return { ...data };
		},
		getNode: () => ({ name: 'Trigger', credentials: { agenticDeveloperHubApi: { id: 'credential-1', name: 'Hub' } } }),
	} as unknown as HubContext;
	return { context, reads, data };
}

describe('The account a trigger shares its reads within', () => {
	afterEach(() => jest.restoreAllMocks());

	it('is the credential as n8n resolves it: another token is another account, the token itself never appears', async () => {
		const ada = triggerContext({ baseUrl: 'https://hub.example', apiToken: 'adh_pat_ada' });
		const grace = triggerContext({ baseUrl: 'https://hub.example', apiToken: 'adh_pat_grace' });
		const adaKey = await accountKey(ada.context);
		expect(adaKey).toBe(await accountKey(triggerContext({ baseUrl: 'https://hub.example/', apiToken: 'adh_pat_ada' }).context));
		expect(adaKey).not.toBe(await accountKey(grace.context));
		expect(adaKey).not.toContain('adh_pat_ada');
	});

	it('reads the credential at most once a minute per trigger context, then again (an edited credential is seen)', async () => {
		let now = 1_000_000;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const trigger = triggerContext({ baseUrl: 'https://hub.example', apiToken: 'adh_pat_ada' });
		const first = await sharedReadKey(trigger.context);
		const readsForFirst = trigger.reads.count;
		expect(readsForFirst).toBeGreaterThan(0);
		now += ACCOUNT_KEY_MAX_AGE_MS - 1;
		expect(await sharedReadKey(trigger.context)).toBe(first);
		expect(trigger.reads.count).toBe(readsForFirst);

		trigger.data.apiToken = 'adh_pat_grace';
		now += 1;
		const edited = await sharedReadKey(trigger.context);
		expect(trigger.reads.count).toBeGreaterThan(readsForFirst);
		expect(edited).toBe(await accountKey(triggerContext({ baseUrl: 'https://hub.example', apiToken: 'adh_pat_grace' }).context));
		expect(edited).not.toBe(first);
	});

	it('is per context: another workflow of the same credential reads its own', async () => {
		const one = triggerContext({ baseUrl: 'https://hub.example', apiToken: 'adh_pat_ada' });
		const other = triggerContext({ baseUrl: 'https://hub.example', apiToken: 'adh_pat_ada' });
		await sharedReadKey(one.context);
		expect(other.reads.count).toBe(0);
		expect(await sharedReadKey(other.context)).toBe(await sharedReadKey(one.context));
		expect(other.reads.count).toBeGreaterThan(0);
	});
});

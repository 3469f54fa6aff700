import type { INodeParameters } from 'n8n-workflow';
import { loadOptionsProbe as probe, rl, seededCommunity, useNodeHarness } from './support';

describe('Load options (dropdowns)', () => {
	const hub = useNodeHarness();
	const options = async (method: string, parameters: INodeParameters) =>
		(await hub.harness.listSearch(probe, method, { parameters: { authentication: 'apiToken', ...parameters } })).results;

	it('getCategories lists the chosen community\'s categories in display order', async () => {
		const community = seededCommunity(hub.harness.hub);
		const expected = Object.values(hub.harness.hub.state.data.categories)
			.filter((category) => category.communityId === community.id)
			.sort((a, b) => a.displayOrder - b.displayOrder)
			.map((category) => ({ name: category.name, value: category.id }));
		expect(expected.length).toBeGreaterThan(0);
		const parameters = { resource: 'topic', operation: 'create' };
		expect(await options('getCategories', { ...parameters, communityId: rl(community.slug, 'slug') })).toEqual(expected);
		expect(await options('getCategories', { ...parameters, communityId: rl('') })).toEqual([]);
	});

	it('getProviders lists providers of the chosen connection type, getServiceTypes their service types', async () => {
		const parameters = { resource: 'integration', operation: 'connect' };
		const apiKey = await options('getProviders', { ...parameters, connectionType: 'api_key' });
		expect(apiKey.map((option) => option.value)).toEqual(['mailgun', 'twilio', 'mailchimp']);
		expect(apiKey[1]).toMatchObject({ name: 'Twilio', description: expect.stringMatching(/SMS/) });
		const appPassword = await options('getProviders', { ...parameters, connectionType: 'app_password' });
		expect(appPassword.map((option) => option.value)).toEqual(['bluesky', 'fastmail', 'reddit']);
		expect(await options('getServiceTypes', { ...parameters, providerId: 'twilio' })).toEqual([{ name: 'sms', value: 'sms' }]);
	});

	it('fails with the Hub\'s message when the community does not exist', async () => {
		await expect(
			options('getCategories', { resource: 'topic', operation: 'create', communityId: rl('no-such-slug', 'slug') }),
		).rejects.toThrow(/^The community was not found/);
	});
});

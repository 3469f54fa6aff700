import { readFileSync } from 'fs';
import { join } from 'path';
import type { INodeProperties } from 'n8n-workflow';
import { authenticationProperty, credentialDescriptions } from '../../nodes/AgenticDeveloperHub/descriptions/authentication';
import { AgenticDeveloperHubTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubTrigger.node';

const { description, methods } = new AgenticDeveloperHubTrigger();
const property = (name: string) => description.properties.find((candidate) => candidate.name === name) as INodeProperties;

describe('Trigger: node description', () => {
	it('is a polling trigger with n8n\'s poll times, not an AI tool', () => {
		expect(description.name).toBe('agenticDeveloperHubTrigger');
		expect(description.polling).toBe(true);
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.outputs).toEqual(['main']);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.icon).toEqual({ light: 'file:agenticDeveloperHub.svg', dark: 'file:agenticDeveloperHub.dark.svg' });
	});

	it('shares the action node\'s Authentication option and credentials', () => {
		expect(description.properties[0]).toBe(authenticationProperty);
		expect(description.credentials).toEqual(credentialDescriptions);
	});

	it('offers the four events, each with its own parameters', () => {
		const event = property('event');
		expect(event.options?.map((option) => ('name' in option ? option.name : ''))).toEqual([
			'New Direct Message',
			'New Notification',
			'New Reply in Topic',
			'New Topic',
		]);
		expect(property('categories').displayOptions).toEqual({ show: { event: ['newNotification'] } });
		expect(property('communityId').displayOptions).toEqual({ show: { event: ['newTopic'] } });
		expect(property('topicId').displayOptions).toEqual({ show: { event: ['newReply'] } });
		expect(property('communityId').type).toBe('resourceLocator');
		expect(property('topicId').type).toBe('resourceLocator');
	});

	it('provides the list searches its locators name', () => {
		const searches = new Set(
			description.properties.flatMap((candidate) =>
				(candidate.modes ?? []).map((mode) => mode.typeOptions?.searchListMethod).filter(Boolean),
			),
		);
		expect([...searches].sort()).toEqual(['searchTopics']);
		for (const search of searches) expect(typeof methods.listSearch[search as keyof typeof methods.listSearch]).toBe('function');
	});

	it('has a codex file naming the node as n8n finds it', () => {
		const codexPath = join(__dirname, '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubTrigger.node.json');
		const codex = JSON.parse(readFileSync(codexPath, 'utf8'));
		const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
		expect(codex.node).toBe(`${manifest.name}.${description.name}`);
		expect(codex.categories).toContain('Communication');
	});
});

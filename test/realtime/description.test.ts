import { readFileSync } from 'fs';
import { join } from 'path';
import type { INodeProperties } from 'n8n-workflow';
import { AgenticDeveloperHubTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubTrigger.node';
import { authenticationProperty, credentialDescriptions } from '../../nodes/AgenticDeveloperHub/descriptions/authentication';
import { realtimeTrigger } from './support';

const { description } = realtimeTrigger;
const property = (name: string) => description.properties.find((candidate) => candidate.name === name) as INodeProperties;

describe('Realtime trigger: node description', () => {
	it('is a long-lived trigger (not polling), not an AI tool, with the action node\'s icon', () => {
		expect(description.name).toBe('agenticDeveloperHubRealtimeTrigger');
		expect(description.polling).toBeUndefined();
		expect(typeof realtimeTrigger.trigger).toBe('function');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.outputs).toEqual(['main']);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.icon).toEqual({ light: 'file:agenticDeveloperHub.svg', dark: 'file:agenticDeveloperHub.dark.svg' });
	});

	it('shares the Authentication option, credentials and event parameters with the polling trigger', () => {
		expect(description.properties[0]).toBe(authenticationProperty);
		expect(description.credentials).toEqual(credentialDescriptions);
		const event = property('event');
		expect(event.options?.map((option) => ('name' in option ? option.name : ''))).toEqual(['New Direct Message', 'New Notification']);
		const polling = new AgenticDeveloperHubTrigger().description.properties;
		expect(property('categories')).toBe(polling.find((candidate) => candidate.name === 'categories'));
	});

	it('states the fallback in its notice, and the fallback interval is a number of seconds from 10', () => {
		expect(property('notice').type).toBe('notice');
		expect(property('notice').displayName).toMatch(/polls every Fallback Poll Interval instead/);
		expect(property('fallbackPollInterval')).toMatchObject({ type: 'number', default: 60, typeOptions: { minValue: 10 } });
	});

	it('has a codex file naming the node as n8n finds it, and is listed in package.json', () => {
		const codex = JSON.parse(readFileSync(join(__dirname, '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubRealtimeTrigger.node.json'), 'utf8'));
		const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
		expect(codex.node).toBe(`${manifest.name}.${description.name}`);
		expect(manifest.n8n.nodes).toContain('dist/nodes/AgenticDeveloperHub/AgenticDeveloperHubRealtimeTrigger.node.js');
	});
});

import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { INodePropertyOptions } from 'n8n-workflow';
import { AgenticDeveloperHubTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubTrigger.node';
import * as loadOptions from '../../nodes/AgenticDeveloperHub/methods/loadOptions';
import { node } from '../node/support';

/** A new operation, picker method or trigger event cannot land without its request-shape test. */
const sources = readdirSync(__dirname)
	.filter((file) => file.endsWith('.test.ts') && file !== 'coverage.test.ts')
	.map((file) => readFileSync(join(__dirname, file), 'utf8'))
	.join('\n');

const operations = node.description.properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) =>
		(property.displayOptions!.show!.resource as string[]).flatMap((resource) =>
			(property.options as INodePropertyOptions[]).map((option) => ({ resource, operation: String(option.value) })),
		),
	);

describe('Request shapes: coverage', () => {
	it('has a case for every operation of the node', () => {
		expect(operations).toHaveLength(56);
		const missing = operations.filter(
			({ resource, operation }) =>
				!sources.includes(`resource: '${resource}', operation: '${operation}'`) &&
				// Cases built per operation name: `...(['markRead', ...]).map((operation) => ({ resource: 'notification', operation, ...`
				!(sources.includes(`'${operation}'`) && sources.includes(`resource: '${resource}', operation,`)),
		);
		expect(missing).toEqual([]);
	});

	it('has a case for every list-search and load-options method, and every trigger event', () => {
		const methods = [...Object.keys(node.methods.listSearch), ...Object.keys(loadOptions)];
		expect(methods).toHaveLength(12);
		expect(methods.filter((method) => !sources.includes(`method: '${method}'`))).toEqual([]);
		const events = new AgenticDeveloperHubTrigger().description.properties.find((property) => property.name === 'event')!;
		const eventValues = (events.options as INodePropertyOptions[]).map((option) => String(option.value));
		expect(eventValues.filter((event) => !sources.includes(`event: '${event}'`))).toEqual([]);
	});
});

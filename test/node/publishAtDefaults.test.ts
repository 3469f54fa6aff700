import { AgenticDeveloperHub } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHub.node';
import { AgenticDeveloperHubRealtimeTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubRealtimeTrigger.node';
import { AgenticDeveloperHubTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubTrigger.node';
import { configurations, parameterIssues, withRequiredOnly } from './requiredOnly';

/*
 * n8n refuses to publish (activate) a workflow whose node has parameter issues, found by
 * n8n-workflow's NodeHelpers.getNodeParametersIssues (run here from each line's package). Every
 * resource x operation (every event of the triggers) must pass with only its required fields set,
 * each to an expression as a user would map it, and everything optional at its default. The real
 * activation, of the descriptions a real n8n serves and on both lines, is
 * test/e2e/12-conformance-publish.e2e.test.ts.
 */
describe.each([
	['action node', new AgenticDeveloperHub()],
	['polling trigger', new AgenticDeveloperHubTrigger()],
	['realtime trigger', new AgenticDeveloperHubRealtimeTrigger()],
])('publish at defaults: %s', (_name, nodeType) => {
	const { description } = nodeType;
	const cases = configurations(description).map((chosen) => [Object.values(chosen).join(' > ') || 'default', chosen] as const);

	it('has configurations to check', () => {
		expect(cases.length).toBeGreaterThan(0);
	});

	it.each(cases)('%s: no parameter issues with only required fields set', (_label, chosen) => {
		expect(parameterIssues(description, withRequiredOnly(description, chosen))).toBeNull();
	});
});

it('Topic > Get Many with the community left empty has no parameter issue (the reported case)', () => {
	const { description } = new AgenticDeveloperHub();
	const parameters = withRequiredOnly(description, { resource: 'topic', operation: 'getAll' });
	expect(parameters.communityId).toBeUndefined();
	expect(parameterIssues(description, parameters)).toBeNull();
});

import fc from 'fast-check';
import { NodeApiError, NodeOperationError, type INodeParameters } from 'n8n-workflow';
import { createHarness, type Harness } from '../harness';
import { recordAnswers, type HubAnswer } from './hubAnswers';
import { knownIds, operationsOf, parametersFor } from './parameterArbitraries';
import { allSecrets, exposedText, leakedSecrets, node, requestCount, withDefaults } from './support';

const SEED = 4711;
const RUNS_PER_OPERATION = 100;

interface Rejection {
	field: string;
	/** Matches the message (or problem detail); any message when absent. */
	message?: RegExp;
	/** `METHOD /path` of the route; any route when absent. */
	route?: string;
}

/**
 * 400 answers that depend on the Hub's data, which no client can check beforehand: a chat with
 * yourself (your own id is the Hub's to know), deleting a topic's opening post, a parent post or
 * category of another topic or community, a provider the Hub does not offer or that connects only
 * through OAuth, or a service type the provider does not offer (the provider list is the Hub's data).
 */
const STATE_DEPENDENT: Rejection[] = [
	{ field: 'recipientId', message: /yourself/ },
	{ field: 'id', message: /opening post/ },
	{ field: 'parentPostId', message: /not a post of this topic/ },
	{ field: 'categoryId', message: /not a category of this community/ },
	{ field: 'providerId', message: /Unknown provider/ },
	{ field: 'type', message: /connects through OAuth in the Hub/ },
	{ field: 'providerId', message: /not as a GitHub App/ },
	{ field: 'serviceType', message: /must be one of/ },
];

/**
 * Invalid input the node is known to send to the Hub unchecked: none. Values that only an
 * expression or an AI agent can supply (an option outside its list, a wrong type, an ID that is not
 * in the Hub's format) are refused before any request. Keep this empty: any invalid input that
 * reaches the Hub fails the test.
 */
const KNOWN_GAPS: Rejection[] = [];

function matches(answer: HubAnswer, rejection: Rejection): boolean {
	type ErrorFields = { field?: unknown; message?: unknown; detail?: unknown };
	let body: ErrorFields;
	try {
		const parsed = JSON.parse(answer.body) as ErrorFields & { error?: ErrorFields };
		// The published shapes: nested { error: { ... } } on resource routes, problem details on integrations.
		body = typeof parsed.error === 'object' && parsed.error !== null ? parsed.error : parsed;
	} catch {
		return false;
	}
	const text = String(body.message ?? body.detail ?? '');
	return (
		body.field === rejection.field &&
		(rejection.message === undefined || rejection.message.test(text)) &&
		(rejection.route === undefined || rejection.route === `${answer.method} ${answer.path}`)
	);
}

const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError];

interface Violation {
	parameters: INodeParameters;
	problem: string;
}

/** What is wrong with one run's outcome, or undefined when it kept every rule. */
function judge(harness: Harness, outcome: { error?: any }, requestsSent: number, answers: HubAnswer[]): string | undefined {
	const { error } = outcome;
	if (error) {
		if (!(error instanceof NodeOperationError || error instanceof NodeApiError)) return `threw ${error?.constructor?.name}: ${error?.message}`;
		if (error.context?.itemIndex !== 0) return `error without the item index: ${error.message}`;
		const cause = error.cause as unknown;
		if (PROGRAMMING_ERRORS.some((kind) => cause instanceof kind)) return `a programming error surfaced: ${String(cause)}`;
		if (error instanceof NodeOperationError && requestsSent > 0) return `rejected the input after sending ${requestsSent} request(s): ${error.message}`;
	}
	const invalid = answers.filter(
		(answer) => answer.status === 400 && ![...STATE_DEPENDENT, ...KNOWN_GAPS].some((rejection) => matches(answer, rejection)),
	);
	if (invalid.length > 0) return `sent input the Hub rejected: ${invalid.map((answer) => `${answer.method} ${answer.path} -> ${answer.body}`).join('; ')}`;
	const leaked = leakedSecrets(exposedText(harness, outcome), allSecrets(harness));
	if (leaked.length > 0) return `exposed secrets: ${leaked.join(', ')}`;
	return undefined;
}

describe('property-based fuzzing of every operation’s parameters', () => {
	let harness: Harness;

	beforeAll(async () => {
		harness = await createHarness();
		harness.useApiToken();
	});
	afterAll(async () => harness?.close());

	const operations = operationsOf(node.description);
	const outcomes = { succeeded: 0, refusedBeforeSending: 0, hubErrors: 0 };

	it('covers every operation of the node', () => {
		expect(operations.length).toBeGreaterThanOrEqual(30);
	});

	it.each(operations)('$resource: $operation never throws anything but a NodeOperationError/NodeApiError with the item index, and never sends invalid input', async ({ resource, operation }) => {
		const ids = knownIds(harness.hub);
		const violations: Violation[] = [];
		await fc.assert(
			fc.asyncProperty(parametersFor(node.description, resource, operation, ids), async (generated) => {
				let parameters: INodeParameters;
				try {
					parameters = withDefaults({ authentication: 'apiToken', ...generated });
				} catch {
					return true; // n8n itself refuses to store these parameters; the node never sees them
				}
				const before = requestCount(harness.hub.counters);
				const recorder = recordAnswers(harness.hub);
				harness.logs.length = 0;
				let outcome: { output?: unknown; error?: any };
				try {
					outcome = { output: await harness.execute(node, { parameters, items: [{ json: {} }] }) };
				} catch (error) {
					outcome = { error };
				} finally {
					recorder.stop();
				}
				if (!outcome.error) outcomes.succeeded += 1;
				else if (outcome.error instanceof NodeApiError) outcomes.hubErrors += 1;
				else outcomes.refusedBeforeSending += 1;
				const problem = judge(harness, outcome, requestCount(harness.hub.counters) - before, recorder.answers);
				if (problem) violations.push({ parameters: generated, problem });
				return true;
			}),
			{ numRuns: RUNS_PER_OPERATION, seed: SEED },
		);
		// The first three, with the parameters that caused them, are enough to reproduce (fixed seed).
		expect(violations.slice(0, 3)).toEqual([]);
	});

	it('reached every kind of outcome: successes, input refused before sending, Hub errors', () => {
		process.stdout.write(`[reliability] fuzzing outcomes: ${JSON.stringify(outcomes)}\n`);
		expect(outcomes.succeeded).toBeGreaterThan(100);
		expect(outcomes.refusedBeforeSending).toBeGreaterThan(100);
		expect(outcomes.hubErrors).toBeGreaterThan(100);
	});
});

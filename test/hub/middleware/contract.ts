import { describeViolations, hubApiValidator, type Violation } from '../../openapi/validator';
import { HubError } from '../core/errors';
import type { Reply } from '../core/router';

/*
 * The Hub's published types (test/openapi/hub-openapi.json, made strict) as the sandbox's oracle,
 * issue 11 part 1. Every request on a resource route is checked before its route runs, and every
 * answer the sandbox gives there is checked before it is written. What fails is recorded: a request
 * that breaks the types is our client's bug (answered 400); an answer that breaks them is the
 * sandbox's own drift from the Hub it stands in for (answered 500 `sandbox_contract_violation`
 * instead, so it cannot pass unnoticed). Tests fail on any recorded violation they did not expect.
 */

/** A violation the sandbox recorded, with the request it belongs to. */
export interface RecordedViolation extends Violation {
	/** `request`: what a client sent breaks the types; `response`: what the sandbox answered does. */
	kind: 'request' | 'response';
	method: string;
	path: string;
	requestId: string;
	/** The answer's status, for `response` violations. */
	status?: number;
}

/** The OAuth routes of hub-api.md section 1 follow the OAuth docs, not the published types. */
const OAUTH_ROUTES = /^\/api\/(oauth\/|auth\/(refresh|revoke)\/?$)/;

/** A resource route: under `/api`, except the OAuth routes (`/api/auth/me` is one: the types have it). */
export const isResourcePath = (path: string): boolean => path.startsWith('/api/') && !OAUTH_ROUTES.test(path);

/** The routes whose published errors are problem details (hub-api.md section 2). */
export const isIntegrationsPath = (path: string): boolean => path === '/api/integrations' || path.startsWith('/api/integrations/');

/** Whether the published types have this path for this method (the sandbox may still lack it). */
export const isPublishedRoute = (method: string, path: string): boolean => 'operation' in hubApiValidator().match(method, path);

export interface CheckedRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	contentType?: string;
	body: unknown;
	requestId: string;
}

export interface CheckedAnswer {
	method: string;
	path: string;
	requestId: string;
	reply: Reply;
}

export class ContractGuard {
	private recorded: RecordedViolation[] = [];

	/** `log` gets each violation's lines (the sandbox's stderr by default); `count` how many were recorded. */
	constructor(
		private readonly log: (text: string) => void,
		private readonly count: (violations: number) => void,
	) {}

	get violations(): readonly RecordedViolation[] {
		return this.recorded;
	}

	/** A 400 to answer when the request breaks the published types; undefined when it follows them. */
	checkRequest(request: CheckedRequest): HubError | undefined {
		const violations = hubApiValidator().validateRequest(request);
		if (violations.length === 0) return undefined;
		this.record('request', request, violations);
		return new HubError(400, 'validation_error', `The request does not follow the Hub's published types: ${oneLine(violations)}`, {
			field: fieldOf(violations[0]),
		});
	}

	/** A body the sandbox could not even parse (not JSON, unknown content type): a request violation too. */
	recordUnreadableBody(request: Omit<CheckedRequest, 'body' | 'query'>, message: string): void {
		this.record('request', request, [{ location: 'body', schemaPath: '#/paths', message }]);
	}

	/**
	 * The reply, or a 500 `sandbox_contract_violation` naming the schema paths when the reply breaks the
	 * published types. `errorsExempt`: error answers are not checked (the flat error shape is on).
	 */
	checkAnswer(answer: CheckedAnswer, errorsExempt: boolean): HubError | undefined {
		const { reply } = answer;
		if (errorsExempt && reply.status >= 400) return undefined;
		const contentType = Object.entries(reply.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
		const violations = hubApiValidator().validateResponse({
			method: answer.method,
			path: answer.path,
			status: reply.status,
			contentType: contentType ?? (reply.body === undefined || reply.status === 204 ? undefined : 'application/json'),
			body: reply.status === 204 ? undefined : reply.body,
		});
		if (violations.length === 0) return undefined;
		this.record('response', answer, violations, reply.status);
		return new HubError(
			500,
			'sandbox_contract_violation',
			`The sandbox Hub answered ${reply.status} in a shape the published types refuse: ${oneLine(violations)}`,
		);
	}

	/**
	 * One event the sandbox writes on a stream route: its data against the schema the route publishes
	 * for each event. The stream is already open, so a violation is recorded (and fails the suite) only.
	 */
	checkStreamEvent(where: { method: string; path: string; requestId: string }, data: unknown): void {
		const violations = hubApiValidator().validateStreamEvent({ path: where.path, data });
		if (violations.length > 0) this.record('response', where, violations, 200);
	}

	/** Hands the recorded violations over and forgets them (a test that expected them). */
	take(): RecordedViolation[] {
		const taken = this.recorded;
		this.recorded = [];
		return taken;
	}

	clear(): void {
		this.recorded = [];
	}

	private record(
		kind: RecordedViolation['kind'],
		where: { method: string; path: string; requestId: string },
		violations: Violation[],
		status?: number,
	): void {
		for (const violation of violations) {
			this.recorded.push({ ...violation, kind, method: where.method, path: where.path, requestId: where.requestId, ...(status ? { status } : {}) });
		}
		this.count(violations.length);
		this.log(`sandbox hub: contract violation (${kind}) ${where.method} ${where.path} [${where.requestId}]\n${indent(describeViolations(violations))}\n`);
	}
}

/** The input field a violation is about, as a 400 names it: `title`, `media.0.url`, `ecosystemId`, `route`. */
function fieldOf(violation: Violation): string {
	const missing = /^misses "(.+)"$/.exec(violation.message)?.[1];
	const parts = [...violation.location.split('/').slice(1), ...(missing ? [missing] : [])];
	return parts.length > 0 ? parts.join('.') : violation.location;
}

const oneLine = (violations: Violation[]) => describeViolations(violations).split('\n').join('; ');
const indent = (text: string) => text.split('\n').map((line) => `  ${line}`).join('\n');

/** One line per violation with its request, for test failures and the bench. */
export function describeRecorded(violations: readonly RecordedViolation[]): string {
	return violations
		.map((violation) => `${violation.kind} ${violation.method} ${violation.path}${violation.status ? ` -> ${violation.status}` : ''}: ${violation.location}: ${violation.message} (${violation.schemaPath})`)
		.join('\n');
}

/** What a suite reports when a Hub recorded violations nobody expected ('' when none). */
export function violationReport(violations: readonly RecordedViolation[], when: string): string {
	if (violations.length === 0) return '';
	return `The sandbox Hub recorded ${violations.length} published-types violation(s) ${when} that no test expected:\n${describeRecorded(violations)}`;
}

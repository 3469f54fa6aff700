import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeListSearchResult, INodeParameters, INodeType } from 'n8n-workflow';
import { API_TOKEN_CREDENTIAL, createHarness, OAUTH2_CREDENTIAL, type Harness } from '../harness';
import type { Hub } from '../hub';
import { describeViolations, hubApiValidator } from '../openapi/validator';
import { withDefaults } from '../node/support';

/*
 * Request-shape tests: an operation (or picker, or trigger poll) runs through the in-process harness
 * (n8n-core's real contexts and request helpers) against a Hub that nock stands in for. Each test
 * names the exact requests the run must send and the published answers the Hub gives; every request
 * and every canned answer is checked against hub-openapi.json, and the node's output is compared.
 */

export const HUB_URL = 'https://hub.shapes.test';
export const API_TOKEN = 'adh_pat_shapes-personal-token-0001';
export const ACCESS_TOKEN = 'adh_shapes-oauth-access-token-0001';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Query values as the Hub reads them: a repeated key is a list. */
export type Query = Record<string, string | string[]>;

export interface Exchange {
	/** What the node must send. */
	request: {
		method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
		/** The public path (with `/api`), without the query string. */
		path: string;
		query?: Query;
		/** The JSON body; absent when none may be sent. */
		body?: unknown;
		/** The exact Idempotency-Key (POST only); by default a stable UUID-shaped one is expected. */
		idempotencyKey?: string;
	};
	/** The Hub's answer: validated against the route's published response schema. */
	response: { status: number; body?: unknown; contentType?: string };
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Query;
	headers: Record<string, string>;
	body: unknown;
}

const validator = hubApiValidator();

function queryOf(url: URL): Query {
	const query: Query = {};
	for (const [name, value] of url.searchParams) {
		const known = query[name];
		query[name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
	}
	return query;
}

function searchParams(query: Query): URLSearchParams {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(query)) for (const entry of [value].flat()) params.append(name, entry);
	return params;
}

/** A published answer or a test bug: fails at once when the canned answer does not fit the types. */
function expectPublishedAnswer(exchange: Exchange): void {
	const { request, response } = exchange;
	const contentType = response.body === undefined ? undefined : (response.contentType ?? 'application/json');
	const violations = validator.validateResponse({ method: request.method, path: request.path, status: response.status, contentType, body: response.body });
	if (violations.length) throw new Error(`The canned answer to ${request.method} ${request.path} is not a published shape:\n${describeViolations(violations)}`);
}

/** Answers every request to HUB_URL with the next exchange's response, and records what was sent. */
function interceptHub(exchanges: Exchange[]): RecordedRequest[] {
	const recorded: RecordedRequest[] = [];
	const queue = [...exchanges];
	for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
		nock(HUB_URL)
			.persist()
			.intercept(() => true, method)
			.reply(async (request: Request) => {
				const url = new URL(request.url);
				const text = await request.text();
				const headers: Record<string, string> = {};
				request.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
				recorded.push({ method: request.method, path: url.pathname, query: queryOf(url), headers, body: text === '' ? undefined : JSON.parse(text) });
				const next = queue.shift();
				if (!next) return [599, { error: { code: 'unexpected', message: `No answer planned for ${request.method} ${url.pathname}` } }];
				const { status, body, contentType } = next.response;
				return body === undefined ? [status] : [status, JSON.stringify(body), { 'Content-Type': contentType ?? 'application/json' }];
			});
	}
	return recorded;
}

/** Checks the recorded requests against the planned ones: method, path, query, body, headers, published types. */
function expectRequests(recorded: RecordedRequest[], exchanges: Exchange[], token: string): void {
	expect(recorded.map(({ method, path }) => `${method} ${path}`)).toEqual(exchanges.map(({ request }) => `${request.method} ${request.path}`));
	recorded.forEach((sent, index) => {
		const planned = exchanges[index].request;
		expect({ query: sent.query, body: sent.body }).toEqual({ query: planned.query ?? {}, body: planned.body });
		expect(sent.headers.authorization).toBe(`Bearer ${token}`);
		expect(sent.headers.accept).toBe('application/json');
		if (planned.body === undefined) expect(sent.headers['content-type']).toBeUndefined();
		else expect(sent.headers['content-type']).toMatch(/^application\/json\b/);
		if (planned.method !== 'POST') expect(sent.headers['idempotency-key']).toBeUndefined();
		else if (planned.idempotencyKey !== undefined) expect(sent.headers['idempotency-key']).toBe(planned.idempotencyKey);
		else expect(sent.headers['idempotency-key']).toMatch(UUID);
		const violations = validator.validateRequest({ method: sent.method, path: sent.path, query: searchParams(sent.query), body: sent.body });
		expect(describeViolations(violations)).toBe('');
	});
}

export interface ShapeHarness {
	harness: Harness;
	/** Runs `run` against the planned exchanges and checks every request; returns what `run` returned. */
	exchange<T>(exchanges: Exchange[], run: () => Promise<T>, options?: { token?: string }): Promise<T & {}>;
	/** The node (personal token unless `authentication: 'oAuth2'`), with every displayed default. */
	execute(node: INodeType, parameters: INodeParameters, run?: { continueOnFail?: boolean; items?: INodeExecutionData[] }): Promise<IDataObject[]>;
	listSearch(node: INodeType, method: string, parameters: INodeParameters, filter?: string, paginationToken?: string): Promise<INodeListSearchResult>;
	/** Runs the node and returns the error it threw before sending any request (fails otherwise). */
	refused(node: INodeType, parameters: INodeParameters): Promise<Error>;
	/** The requests of the last `exchange`, as sent. */
	sent(): RecordedRequest[];
}

/** A harness whose credentials point at nock's Hub; no request may leave the process. */
export function useShapeHarness(): ShapeHarness {
	const context = {} as ShapeHarness;
	let last: RecordedRequest[] = [];
	beforeAll(async () => {
		nock.disableNetConnect();
		context.harness = await createHarness({ hub: { url: HUB_URL, close: async () => undefined } as unknown as Hub });
		context.harness.useApiToken(API_TOKEN);
		context.harness.setCredentialData(OAUTH2_CREDENTIAL, {
			baseUrl: HUB_URL,
			clientId: 'shapes-client',
			clientSecret: 'shapes-client-secret',
			permissions: ['profile:read', 'discussions:read', 'discussions:write', 'integrations:manage'],
			oauthTokenData: { access_token: ACCESS_TOKEN, refresh_token: 'adh_rt_shapes-refresh-0001', token_type: 'Bearer', expires_in: 3600 },
		});
	});
	afterEach(() => nock.cleanAll());
	afterAll(async () => {
		await context.harness?.close();
		nock.enableNetConnect();
		nock.restore();
	});

	context.exchange = async (exchanges, run, { token = API_TOKEN } = {}) => {
		exchanges.forEach(expectPublishedAnswer);
		const recorded = interceptHub(exchanges);
		last = recorded;
		try {
			const result = await run();
			expectRequests(recorded, exchanges, token);
			return result as never;
		} catch (error) {
			const requests = recorded.map(({ method, path, query }) => `${method} ${path} ${JSON.stringify(query)}`);
			throw new Error(`${(error as Error).message}\nRequests sent: ${requests.join('; ') || 'none'}`);
		} finally {
			nock.cleanAll();
		}
	};
	context.execute = async (node, parameters, run = {}) => {
		const output = await context.harness.execute(node, {
			parameters: withDefaults({ authentication: 'apiToken', ...parameters }),
			...run,
		});
		return output[0].map((item) => item.json);
	};
	context.listSearch = async (node, method, parameters, filter, paginationToken) =>
		await context.harness.listSearch(node, method, { parameters: { authentication: 'apiToken', ...parameters }, filter, paginationToken });
	context.refused = async (node, parameters) => {
		const recorded = interceptHub([]);
		try {
			await context.execute(node, parameters);
		} catch (error) {
			expect(recorded).toEqual([]);
			return error as Error;
		} finally {
			nock.cleanAll();
		}
		throw new Error('Expected the node to fail before sending any request');
	};
	context.sent = () => last;
	return context;
}

export { API_TOKEN_CREDENTIAL, OAUTH2_CREDENTIAL };

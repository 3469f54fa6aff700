import { startHub, type Hub } from '../../hub';

/** One HTTP answer, parsed. */
export interface ApiResponse<T = any> {
	status: number;
	headers: Headers;
	body: T;
}

export interface CallOptions {
	body?: unknown;
	/** Defaults to the client's own token; `null` sends no Authorization header. */
	token?: string | null;
	headers?: Record<string, string>;
}

export type Call = <T = any>(method: string, path: string, options?: CallOptions) => Promise<ApiResponse<T>>;

/** A JSON client for one caller, over real HTTP. */
export function clientFor(hub: Hub, token: string): Call {
	return async (method, path, options = {}) => {
		const bearer = options.token === undefined ? token : options.token;
		const headers: Record<string, string> = { ...(options.headers ?? {}) };
		if (bearer) headers.Authorization = `Bearer ${bearer}`;
		if (options.body !== undefined) headers['Content-Type'] = 'application/json';
		const response = await fetch(hub.url + path, {
			method,
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
		});
		const text = await response.text();
		return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
	};
}

export interface SeededUser {
	id: string;
	email: string;
	apiToken: string;
	call: Call;
}

export interface ResourceSuite {
	hub: Hub;
	ada: SeededUser;
	grace: SeededUser;
	alan: SeededUser;
	/** The seeded community `agentic-builders` (Ada is its admin). */
	communityId: string;
}

/**
 * A fresh sandbox Hub per test file, with a client per seeded user (personal tokens). Use inside a
 * `describe`: the returned object is filled in `beforeAll` and the hub closed in `afterAll`.
 */
export function useResourceHub(): ResourceSuite {
	const suite = {} as ResourceSuite;
	beforeAll(async () => {
		suite.hub = await startHub();
		const [ada, grace, alan] = suite.hub.info().users.map((user) => ({
			id: user.id,
			email: user.email,
			apiToken: user.apiToken,
			call: clientFor(suite.hub, user.apiToken),
		}));
		Object.assign(suite, { ada, grace, alan });
		const community = await ada.call('GET', '/api/communities/agentic-builders');
		suite.communityId = community.body.id;
	});
	afterAll(async () => {
		await suite.hub?.close();
	});
	return suite;
}

/** Every page of a list without `total`, stopping at the first short page. */
export async function allPages<T>(call: Call, path: string, pageSize: number, itemsKey = 'items'): Promise<T[][]> {
	const pages: T[][] = [];
	for (let page = 1; page < 100; page++) {
		const separator = path.includes('?') ? '&' : '?';
		const response = await call('GET', `${path}${separator}page=${page}&pageSize=${pageSize}`);
		expect(response.status).toBe(200);
		const items = response.body[itemsKey] as T[];
		pages.push(items);
		if (items.length < pageSize) break;
	}
	return pages;
}

export function isSortedDescending(values: string[]): boolean {
	return values.every((value, index) => index === 0 || values[index - 1] >= value);
}

export function isIso(value: unknown): boolean {
	return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
}

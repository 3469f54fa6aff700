import { OWNER } from './n8n';

/* n8n's internal REST API, as the editor calls it, with the owner's session cookie. */

export interface N8nResponse<T = any> {
	status: number;
	body: T;
	text: string;
	headers: Headers;
}

export class N8nClient {
	cookie?: string;

	constructor(readonly url: string) {}

	async call<T = any>(method: string, route: string, body?: unknown, options: { allowError?: boolean; headers?: Record<string, string> } = {}): Promise<N8nResponse<T>> {
		const headers: Record<string, string> = { ...(options.headers ?? {}) };
		if (this.cookie) headers.Cookie = this.cookie;
		// n8n's browser-id check on session cookies: the editor always sends one.
		headers['browser-id'] ??= 'e2e-browser';
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		const response = await fetch(this.url + route, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// HTML or plain text: keep it
		}
		const setCookie = response.headers.get('set-cookie');
		const session = setCookie && /n8n-auth=[^;]+/.exec(setCookie)?.[0];
		if (session) this.cookie = session;
		if (!options.allowError && response.status >= 400) {
			throw new Error(`n8n ${method} ${route} answered ${response.status}: ${text.slice(0, 500)}`);
		}
		return { status: response.status, body: parsed as T, text, headers: response.headers };
	}

	/** `{data: ...}` unwrapped. */
	async data<T = any>(method: string, route: string, body?: unknown): Promise<T> {
		return (await this.call<{ data: T }>(method, route, body)).body.data;
	}

	/** Creates the owner account on a fresh instance (or signs in when it exists) and keeps the session. */
	async setupOwner(owner = OWNER): Promise<void> {
		const setup = await this.call('POST', '/rest/owner/setup', owner, { allowError: true });
		if (setup.status >= 400) {
			await this.call('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		}
		if (!this.cookie) throw new Error('n8n did not return a session cookie');
	}

	/** The newest version of a node type this n8n offers (what the editor gives a new node). */
	async latestNodeVersion(type: string): Promise<number> {
		const known = (await this.call<Array<{ name: string; version: number | number[] }>>('GET', '/types/nodes.json')).body;
		const versions = known.filter((node) => node.name === type).flatMap((node) => (Array.isArray(node.version) ? node.version : [node.version]));
		if (versions.length === 0) throw new Error(`n8n does not know the node type ${type}`);
		return Math.max(...versions);
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<{ id: string }> {
		return await this.data('POST', '/rest/credentials', { name, type, data });
	}

	async getCredential(id: string): Promise<any> {
		return await this.data('GET', `/rest/credentials/${id}?includeData=true`);
	}

	async createWorkflow(workflow: Record<string, unknown>): Promise<{ id: string; versionId: string }> {
		const { id: _id, ...rest } = workflow;
		// n8n 1.x requires `active` here (2.x accepts it); activation is its own call on both.
		return await this.data('POST', '/rest/workflows', { settings: {}, ...rest, active: false });
	}

	async activateWorkflow(id: string): Promise<void> {
		const workflow = await this.data<{ versionId: string }>('GET', `/rest/workflows/${id}`);
		await this.data('POST', `/rest/workflows/${id}/activate`, { versionId: workflow.versionId });
	}

	async deactivateWorkflow(id: string): Promise<void> {
		await this.data('POST', `/rest/workflows/${id}/deactivate`, {});
	}

	async executions(workflowId: string): Promise<any[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const result = await this.data<{ results: any[] }>('GET', `/rest/executions?filter=${filter}&limit=100`);
		return result.results;
	}

	async execution(id: string): Promise<any> {
		return await this.data('GET', `/rest/executions/${id}`);
	}
}

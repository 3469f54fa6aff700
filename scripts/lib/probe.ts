import { hubApiValidator, type Violation } from '../../test/openapi/validator';

/*
 * A read-only probe of a live Hub (docs/hub-drift.md): GET routes with a personal token, token-endpoint
 * requests that cannot succeed (a made-up code and refresh token), and an event stream opened and
 * closed at once. Each assumption the package makes is reported held, broken, or unknown.
 */

export interface ProbeOptions {
	hubUrl: string;
	/** A personal API token (`adh_pat_...`): never printed. */
	token: string;
	/** A registered app's credentials, so the token endpoint gets past client authentication (optional). */
	clientId?: string;
	clientSecret?: string;
}

export type Verdict = 'held' | 'broken' | 'unknown';

export interface Finding {
	id: AssumptionId;
	assumption: string;
	verdict: Verdict;
	detail: string;
}

export const ASSUMPTIONS = {
	types: 'resource answers match the published types',
	form: 'the token endpoint accepts form encoding (a bogus code gets invalid_grant)',
	refresh: 'refresh works at the token endpoint (a bogus refresh token gets invalid_grant)',
	tokenShape: 'token-endpoint answers use OAuth 2.0 fields (error, access_token, refresh_token)',
	errors: 'error answers have the published shapes (Error; problem details on /integrations)',
	streams: 'the event streams open (GET /api/notifications/stream)',
} as const;
export type AssumptionId = keyof typeof ASSUMPTIONS;

const EXCHANGE = '/api/oauth/signin/exchange';
const NO_SUCH_TOPIC = '00000000-0000-4000-8000-000000000000';
const VERIFIER = 'probe-verifier-'.padEnd(64, 'x');
const SHOWN_VIOLATIONS = 3;

interface Answer {
	status: number;
	contentType?: string;
	body: unknown;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

async function call(options: ProbeOptions, method: string, path: string, init: { body?: string; contentType?: string; bearer?: boolean } = {}): Promise<Answer> {
	const headers: Record<string, string> = { Accept: 'application/json' };
	if (init.bearer !== false) headers.Authorization = `Bearer ${options.token}`;
	if (init.contentType) headers['Content-Type'] = init.contentType;
	const response = await fetch(new URL(path, options.hubUrl), { method, headers, body: init.body, signal: AbortSignal.timeout(15_000) });
	const text = await response.text();
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		// Not JSON: kept as text for the report.
	}
	return { status: response.status, contentType: response.headers.get('content-type') ?? undefined, body };
}

const describe = (where: string, violations: Violation[]) =>
	violations.slice(0, SHOWN_VIOLATIONS).map((violation) => `${where}: ${violation.location}: ${violation.message}`);

/** The published types checked on the answers of read-only routes. */
async function checkTypes(options: ProbeOptions): Promise<{ finding: Omit<Finding, 'id' | 'assumption'>; ecosystemId?: string }> {
	const validator = hubApiValidator();
	const ecosystems = await call(options, 'GET', '/api/ecosystem/ecosystems');
	const ecosystemId = Array.isArray(ecosystems.body) ? String((ecosystems.body as Json[]).find((found) => found.isDefault)?.id ?? '') : undefined;
	const paths = [
		'/api/auth/me',
		'/api/discussion/topics?pageSize=5',
		'/api/notifications?pageSize=5',
		'/api/notifications/unread-count',
		'/api/notifications/preferences',
		'/api/chat/dms?pageSize=5',
		'/api/integrations/providers',
		...(ecosystemId ? [`/api/integrations?ecosystemId=${encodeURIComponent(ecosystemId)}`] : []),
	];
	const problems: string[] = [];
	const answers: Array<[string, Answer]> = [['/api/ecosystem/ecosystems', ecosystems]];
	for (const path of paths) answers.push([path, await call(options, 'GET', path)]);
	for (const [path, answer] of answers) {
		const route = `GET ${path.split('?')[0]}`;
		if (answer.status !== 200) problems.push(`${route}: answered ${answer.status}`);
		else problems.push(...describe(route, validator.validateResponse({ method: 'GET', path: path.split('?')[0], status: answer.status, contentType: answer.contentType, body: answer.body })));
	}
	const finding = problems.length ? { verdict: 'broken' as const, detail: problems.join('; ') } : { verdict: 'held' as const, detail: `${answers.length} routes` };
	return { finding, ecosystemId };
}

/** The OAuth error code of a token-endpoint answer, in the OAuth shape or the Hub's nested one. */
function errorCode(answer: Answer): string | undefined {
	if (!isObject(answer.body)) return undefined;
	const { error } = answer.body;
	if (typeof error === 'string') return error;
	if (isObject(error) && typeof error.code === 'string') return error.code;
	return typeof answer.body.code === 'string' ? answer.body.code : undefined;
}

function client(options: ProbeOptions): Record<string, string> {
	return { client_id: options.clientId ?? 'probe-client', client_secret: options.clientSecret ?? 'probe-secret' };
}

/** A made-up code or refresh token: invalid_grant is the answer that holds the assumption. */
function grantVerdict(answer: Answer, refusedAs: (code: string | undefined) => string | undefined): Omit<Finding, 'id' | 'assumption'> {
	const code = errorCode(answer);
	const seen = `${answer.status} ${code ?? String(answer.contentType ?? 'no body')}`;
	if (code === 'invalid_grant') return { verdict: 'held', detail: seen };
	if (code === 'invalid_client') return { verdict: 'unknown', detail: `${seen}: the client was refused first (pass --client-id and --client-secret)` };
	return { verdict: 'broken', detail: refusedAs(code) ?? seen };
}

export async function probeHub(options: ProbeOptions): Promise<Finding[]> {
	const found: Partial<Record<AssumptionId, Omit<Finding, 'id' | 'assumption'>>> = {};
	const { finding, ecosystemId } = await checkTypes(options);
	found.types = finding;

	const form = new URLSearchParams({ grant_type: 'authorization_code', code: 'probe-bogus-code', redirect_uri: 'https://probe.invalid/callback', code_verifier: VERIFIER, ...client(options) });
	const byForm = await call(options, 'POST', EXCHANGE, { body: form.toString(), contentType: 'application/x-www-form-urlencoded', bearer: false });
	found.form = grantVerdict(byForm, (code) => `${byForm.status} ${code ?? ''}: a form body was refused`.trim());

	// As JSON, so that a Hub refusing form bodies is not reported twice.
	const refreshBody = JSON.stringify({ grant_type: 'refresh_token', refresh_token: 'adh_rt_probe-bogus-refresh-token', ...client(options) });
	const byRefresh = await call(options, 'POST', EXCHANGE, { body: refreshBody, contentType: 'application/json', bearer: false });
	found.refresh = grantVerdict(byRefresh, (code) => (byRefresh.status === 404 ? '404: no token endpoint there' : `${byRefresh.status} ${code ?? ''}: refresh_token is not a grant here`.trim()));

	const shapes = [byForm, byRefresh].filter((answer) => isObject(answer.body) && 'error' in (answer.body as Json));
	const oauthShaped = shapes.every((answer) => typeof (answer.body as Json).error === 'string');
	found.tokenShape = shapes.length === 0
		? { verdict: 'unknown', detail: 'no error answer to judge' }
		: oauthShaped
			? { verdict: 'held', detail: 'error is a string (RFC 6749 section 5.2)' }
			: { verdict: 'broken', detail: 'errors come as { error: { code, message } }, not RFC 6749 { error, error_description }' };

	found.errors = await checkErrors(options, ecosystemId);
	found.streams = await checkStream(options);
	return (Object.keys(ASSUMPTIONS) as AssumptionId[]).map((id) => ({ id, assumption: ASSUMPTIONS[id], ...found[id]! }));
}

async function checkErrors(options: ProbeOptions, ecosystemId = 'probe'): Promise<Omit<Finding, 'id' | 'assumption'>> {
	const validator = hubApiValidator();
	const cases: Array<[string, string, number]> = [
		[`/api/discussion/topics/${NO_SUCH_TOPIC}`, `/api/discussion/topics/${NO_SUCH_TOPIC}`, 404],
		[`/api/integrations/providers/probe-no-such-provider/install-url?ecosystemId=${encodeURIComponent(ecosystemId)}`, '/api/integrations/providers/probe-no-such-provider/install-url', 404],
	];
	const problems: string[] = [];
	for (const [url, path, expected] of cases) {
		const answer = await call(options, 'GET', url);
		const route = `GET ${path}`;
		if (answer.status !== expected) problems.push(`${route}: answered ${answer.status}, expected ${expected}`);
		problems.push(...describe(route, validator.validateResponse({ method: 'GET', path, status: answer.status, contentType: answer.contentType, body: answer.body })));
	}
	return problems.length ? { verdict: 'broken', detail: problems.join('; ') } : { verdict: 'held', detail: `${cases.length} error answers` };
}

async function checkStream(options: ProbeOptions): Promise<Omit<Finding, 'id' | 'assumption'>> {
	const abort = new AbortController();
	const timer = setTimeout(() => abort.abort(), 15_000);
	try {
		const response = await fetch(new URL('/api/notifications/stream', options.hubUrl), {
			headers: { Authorization: `Bearer ${options.token}`, Accept: 'text/event-stream' },
			signal: abort.signal,
		});
		const type = response.headers.get('content-type') ?? '';
		const opened = response.status === 200 && type.startsWith('text/event-stream');
		return { verdict: opened ? 'held' : 'broken', detail: `${response.status} ${type}` };
	} catch (error) {
		return { verdict: 'broken', detail: (error as Error).message };
	} finally {
		clearTimeout(timer);
		abort.abort();
	}
}

/** The findings as a table, with every secret of `options` masked. */
export function probeTable(findings: Finding[], options: ProbeOptions): string {
	const secrets = [options.token, options.clientSecret].filter((secret): secret is string => Boolean(secret));
	const mask = (text: string) => secrets.reduce((masked, secret) => masked.split(secret).join('[redacted]'), text);
	const rows = findings.map((finding) => `${finding.verdict.padEnd(7)} ${finding.assumption}\n        ${mask(finding.detail)}`);
	return [`Probe of ${options.hubUrl}`, ...rows].join('\n');
}

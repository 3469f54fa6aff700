import { randomUUID } from 'crypto';
import type { N8nClient } from '../scripts/lib/n8nClient';
import type { E2eEnvironment } from '../test/e2e/support/environment';
import { readExecution } from '../test/e2e/support/workflows';
import { withRealN8n, type Credential, type RealN8n } from './lib/realN8n';
import { figure, type Figure } from './lib/report';

const PACKAGE = 'n8n-nodes-agentic-developer-hub';
const ADA = 'ada@example.com';
const NOTIFICATION_EVENTS = 100;
const MESSAGE_EVENTS = 30;
/** The sandbox's stream life in this run (the contract's is 5 minutes; 60 s lets the idle window see several). */
const STREAM_LIFE_S = 60;
/** The Hub's stream life per hub-api.md, for the computed daily cost. */
const CONTRACT_STREAM_LIFE_S = 300;
/** The trigger opens the next stream this long before the current one's end (realtime/policy.ts). */
const HANDOVER_LEAD_S = 5;
const IDLE_WINDOW_S = 180;

const NAMES = {
	notifications: `real n8n 2.41.1, realtime trigger: the Hub accepts a notification -> the execution starts (${NOTIFICATION_EVENTS} events)`,
	messages: `real n8n 2.41.1, realtime trigger: the Hub accepts a direct message -> the execution starts (${MESSAGE_EVENTS} events)`,
	polling: `real n8n 2.41.1, polling trigger (Every Minute) on the same ${NOTIFICATION_EVENTS} notifications`,
	idle: 'real n8n 2.41.1, realtime trigger idle cost per active workflow',
};
const LATENCY_TARGET = 'target p95 < 2 s';

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

function triggerWorkflow(name: string, type: string, parameters: Record<string, unknown>, credential: Credential): Record<string, unknown> {
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: 'Trigger',
				type: `${PACKAGE}.${type}`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'oAuth2', ...parameters },
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** Nearest-rank percentile of milliseconds, as seconds. */
function percentile(values: number[], p: number): string {
	const sorted = [...values].sort((a, b) => a - b);
	return (sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] / 1000).toFixed(2);
}

function latencyText(latencies: number[]): string {
	return `p50 ${percentile(latencies, 50)} s, p95 ${percentile(latencies, 95)} s, max ${percentile(latencies, 100)} s over ${latencies.length} events`;
}

async function newestExecutionId(n8n: N8nClient, workflowId: string): Promise<number> {
	return Math.max(0, ...(await n8n.executions(workflowId)).map((execution) => Number(execution.id)));
}

/** Each emitted item's id -> when its execution started (ms), from the stored executions. */
async function startsByItem(setup: RealN8n, executionIds: number[]): Promise<Map<string, number>> {
	const environment = { runtime: setup.runtime } as E2eEnvironment;
	const starts = new Map<string, number>();
	for (const id of executionIds) {
		const execution = await readExecution(environment, setup.n8n, String(id));
		const raw = execution.raw as { startedAt?: string; createdAt?: string };
		const startedAt = Date.parse(String(raw.startedAt ?? raw.createdAt));
		for (const item of execution.outputs.Trigger ?? []) starts.set(String(item.id), startedAt);
	}
	return starts;
}

/**
 * One event at a time: the Hub accepts it (its `createdAt` or `dateSent` is the Hub's clock, this
 * machine's), then we wait for the realtime workflow's next execution. Random gaps spread the
 * events over n8n's poll minute.
 */
async function realtimeLatencies(
	setup: RealN8n,
	workflowId: string,
	count: number,
	create: () => Promise<{ id: string; acceptedAt: number }>,
): Promise<{ latencies: number[]; accepted: Map<string, number> }> {
	const accepted = new Map<string, number>();
	const executionIds: number[] = [];
	let newest = await newestExecutionId(setup.n8n, workflowId);
	for (let index = 0; index < count; index++) {
		const event = await create();
		accepted.set(event.id, event.acceptedAt);
		const deadline = Date.now() + 30_000;
		let next = newest;
		while (next === newest) {
			if (Date.now() > deadline) throw new Error(`no execution for event ${index + 1} within 30 s`);
			await sleep(50);
			next = await newestExecutionId(setup.n8n, workflowId);
		}
		newest = next;
		executionIds.push(next);
		await sleep(300 + Math.random() * 900);
	}
	await sleep(2_000);
	const starts = await startsByItem(setup, executionIds);
	const latencies = [...accepted].map(([id, at]) => {
		const startedAt = starts.get(id);
		if (startedAt === undefined) throw new Error(`event ${id} was not in the execution that followed it`);
		return startedAt - at;
	});
	return { latencies, accepted };
}

async function measure(setup: RealN8n): Promise<Figure[]> {
	const { hub, n8n } = setup;
	const counters = async () => await hub.control('GET', '/__sandbox/counters');
	await hub.control('POST', '/__sandbox/streams/settings', { maxLifeSeconds: STREAM_LIFE_S });
	const credential = await setup.connectedCredential('Realtime bench', ['discussions:read']);
	const activate = async (workflow: Record<string, unknown>) => {
		const { id } = await n8n.createWorkflow(workflow);
		await n8n.activateWorkflow(id);
		return id;
	};
	const answered = (snapshot: any, label: string) => Object.values((snapshot.requests[label] ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0);
	const beforeActivations = await counters();
	const notifications = await activate(triggerWorkflow('Realtime notifications', 'agenticDeveloperHubRealtimeTrigger', { event: 'newNotification' }, credential));
	const messages = await activate(triggerWorkflow('Realtime messages', 'agenticDeveloperHubRealtimeTrigger', { event: 'newDirectMessage' }, credential));
	// Both workflows (one account) share one stream; each has taken its mark once its list was read
	// (n8n 2.41 activates from its outbox after the REST call answered).
	const ready = (now: any) =>
		now.streams.open.notifications >= 1 &&
		answered(now, 'GET /api/notifications') > answered(beforeActivations, 'GET /api/notifications') &&
		answered(now, 'GET /api/chat/dms') > answered(beforeActivations, 'GET /api/chat/dms');
	for (let tries = 0; !ready(await counters()); tries++) {
		if (tries > 300) throw new Error('the realtime workflows did not open their stream and take their marks');
		await sleep(100);
	}
	// n8n runs the polling trigger's first poll (which only takes the mark) shortly after activation:
	// events before it are not new to it.
	const inboxReads = async () => answered(await counters(), 'GET /api/notifications');
	const readsBefore = await inboxReads();
	const polling = await activate(
		triggerWorkflow('Polling notifications', 'agenticDeveloperHubTrigger', { event: 'newNotification', pollTimes: { item: [{ mode: 'everyMinute' }] } }, credential),
	);
	for (let tries = 0; (await inboxReads()) === readsBefore; tries++) {
		if (tries > 300) throw new Error('the polling trigger did not take its mark');
		await sleep(100);
	}

	const notified = await realtimeLatencies(setup, notifications, NOTIFICATION_EVENTS, async () => {
		const created = await hub.control('POST', '/__sandbox/activity/notifications', { user: ADA, category: 'community_reply', title: 'Bench', actor: 'grace@example.com' });
		return { id: created.items[0].id, acceptedAt: Date.parse(created.items[0].createdAt) };
	});
	const messaged = await realtimeLatencies(setup, messages, MESSAGE_EVENTS, async () => {
		const sent = await hub.control('POST', '/__sandbox/activity/messages', { user: 'grace@example.com', recipient: ADA, body: 'Bench' });
		return { id: sent.items[0].id, acceptedAt: Date.parse(sent.items[0].dateSent) };
	});

	// The polling trigger saw the same notifications: wait for the poll after the last one.
	const pollingStarts = new Map<string, number>();
	const pollDeadline = Date.now() + 150_000;
	while ([...notified.accepted.keys()].some((id) => !pollingStarts.has(id))) {
		if (Date.now() > pollDeadline) throw new Error('the polling trigger did not pick up every notification within 150 s');
		await sleep(5_000);
		const ids = (await n8n.executions(polling)).map((execution) => Number(execution.id));
		for (const [id, startedAt] of await startsByItem(setup, ids)) pollingStarts.set(id, startedAt);
	}
	const pollingLatencies = [...notified.accepted].map(([id, at]) => pollingStarts.get(id)! - at);

	// Idle: only the notification workflow stays active; its stream life is known by now.
	await n8n.deactivateWorkflow(polling);
	await n8n.deactivateWorkflow(messages);
	await sleep(2_000);
	const before = await counters();
	await sleep(IDLE_WINDOW_S * 1000);
	const after = await counters();
	const count = (snapshot: any, label?: string) =>
		Object.entries(snapshot.requests as Record<string, Record<string, number>>)
			.filter(([key]) => label === undefined || key === label)
			.reduce((sum, [, byStatus]) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
	const requests = count(after) - count(before);
	const connects = count(after, 'GET /api/notifications/stream') - count(before, 'GET /api/notifications/stream');
	const reads = requests - connects;
	const perHour = (requests * 3600) / IDLE_WINDOW_S;
	const connectsPerLife = connects / (IDLE_WINDOW_S / STREAM_LIFE_S);
	const contractPerHour = 3600 / (CONTRACT_STREAM_LIFE_S - HANDOVER_LEAD_S) + (reads * 3600) / IDLE_WINDOW_S;
	await n8n.deactivateWorkflow(notifications);

	const p95 = (latencies: number[]) => Number(percentile(latencies, 95));
	return [
		figure(NAMES.notifications, latencyText(notified.latencies), LATENCY_TARGET, p95(notified.latencies) < 2),
		figure(NAMES.messages, latencyText(messaged.latencies), LATENCY_TARGET, p95(messaged.latencies) < 2),
		figure(NAMES.polling, latencyText(pollingLatencies), 'reference: n8n polls at most once a minute'),
		figure(
			NAMES.idle,
			`${requests} requests in ${IDLE_WINDOW_S} s at a ${STREAM_LIFE_S} s stream life (${connects} connects, ${reads} reads): ${perHour.toFixed(0)}/h, ${connectsPerLife.toFixed(2)} connects per stream life; ` +
				`at the Hub's ${CONTRACT_STREAM_LIFE_S / 60}-minute life that is ${contractPerHour.toFixed(1)}/h, ${(contractPerHour * 24).toFixed(0)}/day (polling trigger, Every Minute: 60/h, 1440/day)`,
			'target one connect per stream life, <= 300 a day',
			connectsPerLife <= 1.2 && contractPerHour * 24 <= 300,
		),
	];
}

export async function measureRealtimeTrigger(): Promise<Figure[]> {
	return await withRealN8n(Object.values(NAMES), LATENCY_TARGET, measure);
}

import type { Harness } from '../test/harness';
import { median, REPETITIONS } from './lib/measure';
import { megabytes, peakHeapGrowth } from './lib/memory';
import { figure, type Figure } from './lib/report';
import { ADA, createActivity, GRACE, runNode } from './lib/setup';
import { requestsBetween, snapshot } from './lib/traffic';

const NOTIFICATIONS = 10_000;
const PAGE_SIZE = 100;
const LIST_ROUTE = 'GET /api/notifications';

/**
 * Return All over Ada's inbox after 10,000 new notifications: how many requests the node sends
 * and how far the heap grows at its peak. The sandbox Hub runs in the same process, so the peak
 * includes the sandbox building its pages; the output items themselves are part of it too.
 */
export async function measurePagination(harness: Harness): Promise<Figure[]> {
	const { hub } = harness;
	await createActivity(hub, '/__sandbox/activity/notifications', { user: ADA, category: 'community_reply', title: 'Bench', actor: GRACE }, NOTIFICATIONS);
	const inboxSize = Object.values(hub.state.data.notifications).filter(
		(notification) => notification.userId === hub.info().users[0].id && notification.status === 'inbox',
	).length;
	const parameters = { authentication: 'oAuth2', resource: 'notification', operation: 'getAll', returnAll: true };

	const runs: Array<{ requests: number; items: number; bytes: number; jsonBytes: number }> = [];
	for (let round = 0; round <= REPETITIONS; round++) {
		const before = snapshot(hub);
		const { result: output, bytes } = await peakHeapGrowth(async () => await runNode(harness, parameters));
		const requests = requestsBetween(before, snapshot(hub), { label: LIST_ROUTE });
		// Round 0 is the warm-up.
		if (round > 0) runs.push({ requests, items: output.length, bytes, jsonBytes: Buffer.byteLength(JSON.stringify(output.map((item) => item.json))) });
	}
	const requests = median(runs.map((run) => run.requests));
	const items = median(runs.map((run) => run.items));
	const perTenThousand = (median(runs.map((run) => run.bytes)) / items) * 10_000;
	const jsonPerTenThousand = (median(runs.map((run) => run.jsonBytes)) / items) * 10_000;
	const expected = Math.ceil(inboxSize / PAGE_SIZE);
	return [
		figure(
			'pagination, requests for Return All',
			`${requests} requests for ${items} notifications (${NOTIFICATIONS.toLocaleString('en')} created + ${inboxSize - NOTIFICATIONS} seeded)`,
			`target ceil(${inboxSize}/${PAGE_SIZE}) = ${expected}`,
			requests === expected && items === inboxSize,
		),
		figure(
			'pagination, peak heap growth per 10,000 items',
			`${megabytes(perTenThousand)} (the items as JSON: ${megabytes(jsonPerTenThousand)})`,
			'no target; reported',
		),
	];
}

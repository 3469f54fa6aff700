import { dropAnswer, recordRetryWaits, watchRequests } from '../transport/support';
import { rl, seededCommunity, useNodeHarness } from './support';

const CREATE_CATEGORY = 'POST /api/communities/:id/categories';
const LIST_CATEGORIES = 'GET /api/communities/:id/categories';
const ADD_MEMBER = 'POST /api/communities/:id/members';
const LIST_MEMBERS = 'GET /api/communities/:id/members';

/**
 * Create Category and Add Member are POSTs the published types do not make idempotent: after a
 * lost answer the node reads back what the attempt made, and sends again only when nothing was.
 */
describe('Community writes, exactly once', () => {
	const hub = useNodeHarness();
	let waits: ReturnType<typeof recordRetryWaits>;
	let watching: { stop: () => void } | undefined;
	const community = () => seededCommunity(hub.harness.hub);
	const executions = (label: string) => hub.harness.hub.counters.executions[label] ?? 0;
	const categoriesSlugged = (slug: string) => Object.values(hub.harness.hub.state.data.categories).filter((category) => category.slug === slug);
	const createCategory = (slug: string) => ({ resource: 'community', operation: 'createCategory', communityId: rl(community().id), name: slug, slug });

	beforeEach(() => {
		waits = recordRetryWaits();
	});
	afterEach(async () => {
		watching?.stop();
		watching = undefined;
		waits.restore();
		await hub.control('DELETE', '/__sandbox/faults');
	});

	it('Create Category: a lost answer after the Hub created it is read back and returned, created once', async () => {
		watching = watchRequests(hub.harness.hub, 'POST', /\/categories$/, (response, seen) => seen === 1 && dropAnswer(response));
		const before = { runs: executions(CREATE_CATEGORY), lists: await hub.requests(LIST_CATEGORIES) };

		const [category] = await hub.runJson(createCategory('lost-answer'));

		expect(categoriesSlugged('lost-answer').map((created) => created.id)).toEqual([category.id]);
		expect(executions(CREATE_CATEGORY) - before.runs).toBe(1);
		expect(await hub.requests(LIST_CATEGORIES)).toBe(before.lists + 1);
	});

	it('Create Category: a 500 before the route ran: the read-back finds nothing, so it is sent again once', async () => {
		await hub.control('POST', '/__sandbox/faults', { method: 'POST', path: `/api/communities/${community().id}/categories`, status: 500 });

		const [category] = await hub.runJson(createCategory('resent-after-500'));

		expect(categoriesSlugged('resent-after-500').map((created) => created.id)).toEqual([category.id]);
		expect(waits.waits).toHaveLength(1);
	});

	it('Add Member: a lost answer is settled by the member list (the member with that role), added once', async () => {
		const { alan } = hub.users();
		watching = watchRequests(hub.harness.hub, 'POST', /\/members$/, (response, seen) => seen === 1 && dropAnswer(response));
		const before = { runs: executions(ADD_MEMBER), lists: await hub.requests(LIST_MEMBERS) };

		const [member] = await hub.runJson({ resource: 'community', operation: 'addMember', communityId: rl(community().id), userId: alan.id, role: 'moderator' });

		expect(member).toMatchObject({ customerId: alan.id, role: 'moderator', communityId: community().id });
		expect(executions(ADD_MEMBER) - before.runs).toBe(1);
		expect(await hub.requests(LIST_MEMBERS)).toBe(before.lists + 1);
	});
});

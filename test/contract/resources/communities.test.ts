import { useResourceHub } from './helpers';

describe('communities and categories', () => {
	const suite = useResourceHub();

	test('GET /api/communities/{slug} answers the Community shape', async () => {
		const { status, body } = await suite.ada.call('GET', '/api/communities/agentic-builders');
		expect(status).toBe(200);
		expect(body).toEqual({
			id: expect.any(String),
			slug: 'agentic-builders',
			name: 'Agentic Builders',
			description: expect.any(String),
			isPublic: true,
		});
		expect(body.id.length).toBeLessThanOrEqual(36);
	});

	test('an unknown slug is 404 not_found', async () => {
		const { status, body } = await suite.ada.call('GET', '/api/communities/no-such-community');
		expect(status).toBe(404);
		expect(body.error.code).toBe('not_found');
	});

	test('GET /api/communities/{id}/categories lists the categories in display order', async () => {
		const { status, body } = await suite.ada.call('GET', `/api/communities/${suite.communityId}/categories`);
		expect(status).toBe(200);
		expect(body.items.length).toBeGreaterThanOrEqual(3);
		expect(body.items[0]).toEqual({
			id: expect.any(String),
			communityId: suite.communityId,
			slug: expect.any(String),
			name: expect.any(String),
			description: null,
			displayOrder: expect.any(Number),
			isPublic: true,
			isArchived: false,
			createdAt: expect.any(String),
			updatedAt: expect.any(String),
		});
		const orders = body.items.map((category: { displayOrder: number }) => category.displayOrder);
		expect(orders).toEqual([...orders].sort((a, b) => a - b));
		expect(body.items.every((c: { communityId: string }) => c.communityId === suite.communityId)).toBe(true);
	});

	test('categories of an unknown community are 404', async () => {
		const { status, body } = await suite.ada.call('GET', '/api/communities/00000000-0000-0000-0000-000000000000/categories');
		expect(status).toBe(404);
		expect(body.error.code).toBe('not_found');
	});
});

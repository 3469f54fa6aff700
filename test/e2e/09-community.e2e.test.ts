import { phase } from './support/environment';
import { useSession } from './support/session';
import { activateWebhookWorkflow, e2eWorkflow, latestExecution } from './support/workflows';

describe('the Community resource, run by n8n', () => {
	const session = useSession();

	it('gets the most popular topics of a community by slug, with their authors named', async () => {
		const credential = await session.connectedCredential('Community');
		const workflow = await activateWebhookWorkflow(session.n8n, e2eWorkflow('community', credential));

		const response = await phase('workflow: Community Get Many Topics', async () => await workflow.call({}));
		expect(response.status).toBe(200);

		const { status, outputs } = await latestExecution(session.environment, session.n8n, workflow.id);
		expect(status).toBe('success');
		const topics = outputs['Community Topics'];
		expect(topics).toHaveLength(3);
		const ada = session.user('ada@example.com');
		// The seeded community's topics are all Ada's; the name comes from the Hub's profiles.
		for (const topic of topics) expect(topic).toMatchObject({ customerId: ada.id, authorName: 'Ada Lovelace' });
		const replies = topics.map((topic) => Number(topic.replyCount));
		expect(replies).toEqual([...replies].sort((a, b) => b - a));
		expect(response.body).toEqual(topics);
	});
});

import { phase } from './support/environment';
import { useSession } from './support/session';
import { activateWebhookWorkflow, e2eWorkflow, latestExecution } from './support/workflows';

describe('one workflow, one operation per resource, run by n8n', () => {
	const session = useSession();

	it('runs User, Topic, Post, Reaction, Discussion, Direct Message, Notification and Integration nodes with OAuth2', async () => {
		const credential = await session.connectedCredential('Every resource');
		const workflow = await activateWebhookWorkflow(session.n8n, e2eWorkflow('every-resource', credential));
		const ada = session.user('ada@example.com');
		const grace = session.user('grace@example.com');
		const title = `Release notes ${Date.now()}`;

		const response = await phase('workflow: one operation per resource', async () => await workflow.call({ title, recipientId: grace.id }));
		expect(response.status).toBe(200);

		const { status, outputs } = await latestExecution(session.environment, session.n8n, workflow.id);
		expect(status).toBe('success');
		expect(outputs['Get Me']).toEqual([expect.objectContaining({ id: ada.id, email: ada.email })]);
		const [topic] = outputs['Create Topic'];
		expect(topic).toMatchObject({ title, customerId: ada.id });
		expect(outputs.Reply).toEqual([expect.objectContaining({ topicId: topic.id, customerId: ada.id, content: 'A reply sent by n8n.' })]);
		expect(outputs.React).toEqual([expect.objectContaining({ targetKind: 'discussion.topics', targetId: topic.id, emoji: '🎉' })]);
		expect(outputs.Search.map((found) => found.id)).toContain(topic.id);
		expect(outputs['Send Direct Message']).toEqual([expect.objectContaining({ senderUserId: ada.id, body: 'Hello from n8n' })]);
		expect(outputs['Unread Notifications']).toEqual([expect.objectContaining({ count: expect.any(Number) })]);
		expect(outputs.Providers).toHaveLength(3);
		expect(outputs.Providers[0]).toEqual(expect.objectContaining({ providerId: expect.any(String), displayName: expect.any(String) }));
		// The webhook answered with the last node's items.
		expect(response.body).toEqual(outputs.Providers);

		// The Hub holds what n8n wrote: the reply is in the topic's thread, Grace got the message.
		const thread = await fetch(`${session.hub.url}/api/discussion/topics/${topic.id}/posts`, { headers: { Authorization: `Bearer ${grace.apiToken}` } });
		expect(((await thread.json()) as { items: Array<{ content: string }> }).items.map((post) => post.content)).toContain('A reply sent by n8n.');
	});
});

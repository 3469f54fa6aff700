import { phase } from './support/environment';
import { useSession } from './support/session';
import { activateWebhookWorkflow, e2eWorkflow, latestExecution } from './support/workflows';

describe('the user-level routes of issue 14, run by n8n', () => {
	const session = useSession();

	it('searches and gets a person, sets a notification preference, lists ecosystems and batch reactions; Update Me explains itself under OAuth2', async () => {
		const credential = await session.connectedCredential('User-level routes');
		const workflow = await activateWebhookWorkflow(session.n8n, e2eWorkflow('user-level-routes', credential));
		const ada = session.user('ada@example.com');
		const topics = (await (await fetch(`${session.hub.url}/api/discussion/topics?pageSize=3`, { headers: { Authorization: `Bearer ${ada.apiToken}` } })).json()) as {
			items: Array<{ id: string }>;
		};
		const topicIds = topics.items.map((topic) => topic.id).join(',');
		const reacted = await fetch(`${session.hub.url}/api/content/reactions`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${ada.apiToken}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ targetKind: 'discussion.topics', targetId: topics.items[0].id, emoji: '🚀' }),
		});
		const reaction = (await reacted.json()) as { id: string };

		const response = await phase('workflow: the new operations', async () => await workflow.call({ name: 'Hopper', topicIds }));
		expect(response.status).toBe(200);

		const { status, outputs } = await latestExecution(session.environment, session.n8n, workflow.id);
		expect(status).toBe('success');
		expect(outputs['Search Users']).toEqual([{ slug: 'grace-hopper', displayName: 'Grace Hopper', avatarUrl: expect.any(String), kind: 'user' }]);
		expect(outputs['Get User']).toEqual([expect.objectContaining({ slug: 'grace-hopper', displayName: 'Grace Hopper', personas: [] })]);
		expect(outputs['Set Preference']).toEqual([{ category: 'direct_message', email: false, sms: true, inApp: true }]);
		expect(outputs.Ecosystems.some((ecosystem) => ecosystem.isDefault === true)).toBe(true);
		const reactions = outputs['Reactions on Targets'];
		expect(reactions.map((found) => found.id)).toContain(reaction.id);
		expect(reactions.every((found) => topicIds.split(',').includes(String(found.targetId)))).toBe(true);
		// Refused before any request, with what to do: n8n kept the error on the item (Continue On Fail).
		expect(outputs['Update Me']).toEqual([{ error: 'Update Me needs a Personal API Token credential [item 0]' }]);

		// The Hub holds the preference n8n set, for the credential's user.
		const stored = await fetch(`${session.hub.url}/api/notifications/preferences/direct_message`, { headers: { Authorization: `Bearer ${ada.apiToken}` } });
		expect(await stored.json()).toEqual({ category: 'direct_message', email: false, sms: true, inApp: true });
	});
});

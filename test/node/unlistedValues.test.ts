import type { INodeParameters } from 'n8n-workflow';
import { rl, seededCommunity, useNodeHarness } from './support';

/**
 * Values the editor never offers but an expression or an AI agent can send: an options value
 * outside its list, a value of the wrong type. Each is refused before any request, with an error
 * naming the field and the item.
 */
describe('values outside an option list, or of the wrong type', () => {
	const hub = useNodeHarness();
	const community = () => seededCommunity(hub.harness.hub);

	async function expectRefusedBeforeSending(parameters: INodeParameters, message: RegExp) {
		const before = await hub.requests();
		const error = await hub.runError(parameters);
		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toMatch(message);
		expect(await hub.requests()).toBe(before);
	}

	const topicToCreate = () => ({
		resource: 'topic',
		operation: 'create',
		communityId: rl(community().slug, 'slug'),
		title: 'A title',
		body: 'A body',
	});

	it.each<[string, () => INodeParameters, RegExp]>([
		[
			'Discussion Search: Search For outside topics/posts',
			() => ({ resource: 'discussion', operation: 'search', query: 'agent', searchType: 'users' }),
			/^"Search For" must be one of "topics", "posts" \(got "users"\) \[item 0\]$/,
		],
		[
			'Notification Get Many: a category outside the list',
			() => ({ resource: 'notification', operation: 'getAll', filters: { categories: ['account', 'billing'] } }),
			/^"Categories" must be one of "account", "admin_announcement", .*\(got "billing"\) \[item 0\]$/,
		],
		[
			'Notification Get Many: categories that are not a list',
			() => ({ resource: 'notification', operation: 'getAll', filters: { categories: 'account' } }),
			/^"Categories" must be a list \(got "account"\) \[item 0\]$/,
		],
		[
			'Notification Get Many: a status outside inbox/archived/trashed',
			() => ({ resource: 'notification', operation: 'getAll', filters: { status: 'deleted' } }),
			/^"Status" must be one of "inbox", "archived", "trashed" \(got "deleted"\) \[item 0\]$/,
		],
		[
			'Notification Get Many: a read status outside the list',
			() => ({ resource: 'notification', operation: 'getAll', filters: { read: 'yes' } }),
			/^"Read Status" must be one of "any", "true", "false" \(got "yes"\) \[item 0\]$/,
		],
		[
			'Reaction Add: a target outside topic/post',
			() => ({ resource: 'reaction', operation: 'add', targetKind: 'discussion.chats', topicId: rl('abc'), emoji: '👍' }),
			/^"Target" must be one of "discussion.topics", "discussion.posts" \(got "discussion.chats"\) \[item 0\]$/,
		],
		[
			'Topic Create: a category ID that is an object',
			() => ({ ...topicToCreate(), additionalFields: { categoryId: { id: 'x' } } }),
			/^"Category" is not a valid Hub ID \(got \{"id":"x"\}\) \[item 0\]$/,
		],
		[
			'Topic Create: Public that is not a boolean',
			() => ({ ...topicToCreate(), additionalFields: { isPublic: 'maybe' } }),
			/^"Public" must be true or false \(got "maybe"\) \[item 0\]$/,
		],
		[
			'Topic Create: Public that is null',
			() => ({ ...topicToCreate(), additionalFields: { isPublic: null } }),
			/^"Public" must be true or false \(got null\) \[item 0\]$/,
		],
		[
			'Topic Update: Pinned that is not a boolean',
			() => ({ resource: 'topic', operation: 'update', topicId: rl('abc'), updateFields: { isPinned: 1 } }),
			/^"Pinned" must be true or false \(got 1\) \[item 0\]$/,
		],
		[
			'Get Many: Return All that is not a boolean',
			() => ({ resource: 'topic', operation: 'getAll', returnAll: 'all' }),
			/^"Return All" must be true or false \(got "all"\) \[item 0\]$/,
		],
		[
			'Direct Message Send: Send To outside chat/user',
			() => ({ resource: 'directMessage', operation: 'send', sendTo: 'everyone', chatId: rl('abc'), body: 'hi' }),
			/^"Send To" must be one of "chat", "user" \(got "everyone"\) \[item 0\]$/,
		],
		[
			'Integration Connect: a connection type outside the list',
			() => ({ resource: 'integration', operation: 'connect', connectionType: 'oauth2', providerId: 'twilio', serviceType: 'sms', ecosystemId: rl('abc') }),
			/^"Connection Type" must be one of "api_key", "app_password", "github_app" \(got "oauth2"\) \[item 0\]$/,
		],
		[
			'Integration Perform Action: an action outside the list (it is a segment of the request path)',
			() => ({ resource: 'integration', operation: 'performAction', connectionId: rl('abc'), actionType: '../../auth/me', message: 'hi' }),
			/^"Action" must be one of "subscribe", "broadcast", "comment", "post", "unsubscribe", "broadcast_send", "send", "sms", "submit" \(got "..\/..\/auth\/me"\) \[item 0\]$/,
		],
	])('%s', async (_case, parameters, message) => {
		await expectRefusedBeforeSending(parameters(), message);
	});

	it('names the item whose value is outside the list', async () => {
		const error = await hub.runError(
			{ resource: 'discussion', operation: 'search', query: 'agent', searchType: '={{ $json.kind }}', limit: 1 },
			{ items: [{ json: { kind: 'topics' } }, { json: { kind: 'people' } }] },
		);
		expect(error.message).toBe('"Search For" must be one of "topics", "posts" (got "people") [item 1]');
	});

	it('accepts the text "true" and "false" for a boolean, as an AI agent may send them', async () => {
		const [hidden] = await hub.runJson({ ...topicToCreate(), additionalFields: { isPublic: 'false' } });
		expect(hub.harness.hub.state.data.topics[String(hidden.id)].isPublic).toBe(false);
		const [shown] = await hub.runJson({ ...topicToCreate(), additionalFields: { isPublic: ' TRUE ' } });
		expect(hub.harness.hub.state.data.topics[String(shown.id)].isPublic).toBe(true);
	});

	it('still sends the listed values', async () => {
		const notifications = await hub.runJson({
			resource: 'notification',
			operation: 'getAll',
			returnAll: true,
			filters: { categories: ['community_reply', 'community_mention'], status: 'inbox', read: 'any' },
		});
		const expected = Object.values(hub.harness.hub.state.data.notifications).filter(
			(n) => n.userId === hub.users().ada.id && ['community_reply', 'community_mention'].includes(n.category) && n.status === 'inbox',
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(notifications.map((n) => n.id).sort()).toEqual(expected.map((n) => n.id).sort());
	});
});

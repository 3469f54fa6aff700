import type { INodeParameters } from 'n8n-workflow';
import { rl, seededCommunity, useNodeHarness } from './support';

/**
 * IDs and slugs go into request paths and bodies: UUIDs, slugs, reverse-domain IDs
 * (`ecosystem.acme`) and provider slugs (`google-calendar`) are accepted; anything that could
 * change the request path (`..`, `/`, `?`, `#`, `%`, whitespace) or that the Hub would refuse (an
 * ID over 36 characters) is refused before any request.
 */
describe('Hub IDs and slugs', () => {
	const hub = useNodeHarness();
	const tooLong = 'a'.repeat(37);

	async function expectRefusedBeforeSending(parameters: INodeParameters, message: RegExp) {
		const before = await hub.requests();
		const error = await hub.runError(parameters);
		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toMatch(message);
		expect(await hub.requests()).toBe(before);
	}

	describe('in resource locators', () => {
		it.each([
			['a parent-directory segment', '..'],
			['a path that climbs out', '../../api/auth/me'],
			['an encoded path', '..%2F..%2Fapi%2Fauth%2Fme'],
			['a slash', 'abc/def'],
			['a query string', 'abc?x=1'],
			['a fragment', 'abc#x'],
			['more than 36 characters', tooLong],
			['a percent-encoding', 'abc%2e%2e'],
			['whitespace inside', 'abc def'],
			['a tab', 'abc\tdef'],
			['a lone dot', '.'],
			['a double dot inside', 'ecosystem..acme'],
			['a trailing dot', 'ecosystem.'],
		])('refuses %s in ID mode before any request (Topic Get)', async (_case, value) => {
			await expectRefusedBeforeSending(
				{ resource: 'topic', operation: 'get', topicId: rl(value) },
				/^"Topic" is not a valid Hub ID \(got ".*"\) \[item 0\]$/,
			);
		});

		it.each<[string, () => INodeParameters, RegExp]>([
			[
				'Notification Mark Read',
				() => ({ resource: 'notification', operation: 'markRead', notificationId: rl('..') }),
				/^"Notification" is not a valid Hub ID/,
			],
			[
				'Integration Disconnect',
				() => ({ resource: 'integration', operation: 'disconnect', connectionId: rl('x?y') }),
				/^"Connection" is not a valid Hub ID/,
			],
			[
				'Direct Message Get Many Messages, a chat picked "From List" by an expression',
				() => ({ resource: 'directMessage', operation: 'getAllMessages', chatId: rl('../dms', 'list') }),
				/^"Chat" is not a valid Hub ID/,
			],
			[
				'Post Reply, the optional parent post',
				() => ({ resource: 'post', operation: 'reply', topicId: rl('abc'), body: 'hi', parentPostId: rl(tooLong) }),
				/^"In Reply To Post" is not a valid Hub ID/,
			],
			[
				'Topic Get Many, a community slug that climbs out',
				() => ({ resource: 'topic', operation: 'getAll', communityId: rl('..', 'slug') }),
				/^"Community" is not a valid Hub slug \(got "\.\."\) \[item 0\]$/,
			],
			[
				'Topic Get, a plain string as an AI tool sends it',
				() => ({ resource: 'topic', operation: 'get', topicId: '../../api/auth/me' }),
				/^"Topic" is not a valid Hub ID \(got "\.\.\/\.\.\/api\/auth\/me"\) \[item 0\]$/,
			],
		])('refuses a malformed ID: %s', async (_case, parameters, message) => {
			await expectRefusedBeforeSending(parameters(), message);
		});

		it('names the item whose ID is malformed', async () => {
			const [topicId] = Object.keys(hub.harness.hub.state.data.topics);
			const error = await hub.runError(
				{ resource: 'topic', operation: 'get', topicId: rl('={{ $json.id }}') },
				{ items: [{ json: { id: topicId } }, { json: { id: '../x' } }] },
			);
			expect(error.message).toBe('"Topic" is not a valid Hub ID (got "../x") [item 1]');
		});

		it('still accepts IDs, slugs and web URLs in the Hub’s format', async () => {
			const [topicId] = Object.keys(hub.harness.hub.state.data.topics);
			const [byId] = await hub.runJson({ resource: 'topic', operation: 'get', topicId: rl(` ${topicId} `) });
			expect(byId.id).toBe(topicId);
			const { slug } = seededCommunity(hub.harness.hub);
			const [byUrl] = await hub.runJson({
				resource: 'topic',
				operation: 'get',
				topicId: rl(`https://agenticdeveloperhub.com/c/${slug}/t/${topicId}`, 'url'),
			});
			expect(byUrl.id).toBe(topicId);
			const bySlug = await hub.runJson({ resource: 'topic', operation: 'getAll', communityId: rl(slug, 'slug'), limit: 1 });
			expect(bySlug).toHaveLength(1);
		});
	});

	it.each([
		['a reverse-domain ecosystem ID', 'ecosystem.acme'],
		['a provider-style slug', 'google-calendar'],
		['a UUID', '3f1c2a9e-5b7d-4c1e-9a2f-6d8b0e4c7a15'],
	])('sends %s to the Hub as it is', async (_case, value) => {
		const before = await hub.requests('GET /api/integrations');
		const error = await hub.runError({ resource: 'integration', operation: 'getAllConnections', ecosystemId: rl(value) });
		// The sandbox knows no such ecosystem: the Hub's answer, not an input error.
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toMatch(/^The ecosystem was not found/);
		expect(await hub.requests('GET /api/integrations')).toBe(before + 1);
	});

	describe('in other fields', () => {
		it.each<[string, () => INodeParameters, RegExp]>([
			[
				'Reaction Add: a target ID over 36 characters',
				() => ({ resource: 'reaction', operation: 'add', topicId: rl(tooLong), emoji: '👍' }),
				/^"Topic" is not a valid Hub ID \(got "a{37}"\) \[item 0\]$/,
			],
			[
				'Reaction Add: a post target ID over 36 characters',
				() => ({ resource: 'reaction', operation: 'add', targetKind: 'discussion.posts', postId: rl(tooLong), emoji: '👍' }),
				/^"Post" is not a valid Hub ID/,
			],
			[
				'Reaction Remove: a reaction ID that climbs out of the path',
				() => ({ resource: 'reaction', operation: 'remove', reactionId: '..' }),
				/^"Reaction ID" is not a valid Hub ID \(got "\.\."\) \[item 0\]$/,
			],
			[
				'Topic Create: a category ID over 36 characters',
				() => ({
					resource: 'topic',
					operation: 'create',
					communityId: rl(seededCommunity(hub.harness.hub).slug, 'slug'),
					title: 'A title',
					body: 'A body',
					additionalFields: { categoryId: tooLong },
				}),
				/^"Category" is not a valid Hub ID/,
			],
			[
				'Topic Update: an answering post ID over 36 characters',
				() => ({ resource: 'topic', operation: 'update', topicId: rl('abc'), updateFields: { answeredPostId: tooLong } }),
				/^"Answered By Post ID" is not a valid Hub ID/,
			],
			[
				'Direct Message Mark Read: an up-to message ID over 36 characters',
				() => ({ resource: 'directMessage', operation: 'markRead', chatId: rl('abc'), options: { messageId: tooLong } }),
				/^"Up To Message ID" is not a valid Hub ID/,
			],
			[
				'Direct Message Start Chat: a recipient that is not an ID',
				() => ({ resource: 'directMessage', operation: 'startChat', recipientId: 'grace@example.com' }),
				/^"Recipient User ID" is not a valid Hub ID/,
			],
		])('%s', async (_case, parameters, message) => {
			await expectRefusedBeforeSending(parameters(), message);
		});
	});
});

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { postLocator, topicLocator } from '../../descriptions/locators';
import { locatorParameter } from '../../helpers/locators';
import { requireOption } from '../../helpers/validation';

export const TARGET_KINDS = [
	{ name: 'Topic', value: 'discussion.topics' },
	{ name: 'Post', value: 'discussion.posts' },
];

/** What a reaction is on: a topic or a post, as the Hub names them. */
export const targetProperties: INodeProperties[] = [
	{
		displayName: 'Target',
		name: 'targetKind',
		type: 'options',
		options: TARGET_KINDS,
		default: 'discussion.topics',
		description: 'Whether the reaction is on a topic or on a post (reply)',
	},
	topicLocator({ displayOptions: { show: { targetKind: ['discussion.topics'] } } }),
	postLocator({ displayOptions: { show: { targetKind: ['discussion.posts'] } } }),
];

export function readTarget(context: IExecuteFunctions, itemIndex: number): { targetKind: string; targetId: string } {
	const targetKind = requireOption(context, context.getNodeParameter('targetKind', itemIndex), TARGET_KINDS, 'Target', itemIndex);
	const targetId =
		targetKind === 'discussion.posts'
			? locatorParameter(context, 'postId', 'post', 'Post', itemIndex)
			: locatorParameter(context, 'topicId', 'topic', 'Topic', itemIndex);
	return { targetKind, targetId };
}

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { postLocator, topicLocator } from '../../descriptions/locators';
import { locatorParameter } from '../../helpers/locators';

/** What a reaction is on: a topic or a post, as the Hub names them. */
export const targetProperties: INodeProperties[] = [
	{
		displayName: 'Target',
		name: 'targetKind',
		type: 'options',
		options: [
			{ name: 'Topic', value: 'discussion.topics' },
			{ name: 'Post', value: 'discussion.posts' },
		],
		default: 'discussion.topics',
		description: 'Whether the reaction is on a topic or on a post (reply)',
	},
	topicLocator({ displayOptions: { show: { targetKind: ['discussion.topics'] } } }),
	postLocator({ displayOptions: { show: { targetKind: ['discussion.posts'] } } }),
];

export function readTarget(context: IExecuteFunctions, itemIndex: number): { targetKind: string; targetId: string } {
	const targetKind = context.getNodeParameter('targetKind', itemIndex) as string;
	const targetId =
		targetKind === 'discussion.posts'
			? locatorParameter(context, 'postId', 'post', 'Post', itemIndex)
			: locatorParameter(context, 'topicId', 'topic', 'Topic', itemIndex);
	return { targetKind, targetId };
}

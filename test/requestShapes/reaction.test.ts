import { node } from '../node/support';
import { IDS, REACTION } from './fixtures';
import { runShapeCases, type ShapeCase } from './cases';

const onPost = { ...REACTION, id: '9d8c7b6a-5555-4f6e-8d7c-000000000002', targetKind: 'discussion.posts', targetId: IDS.post };
const postIds = Array.from({ length: 51 }, (_, index) => `8e2d4b6a-3333-4c5d-9e6f-${String(index).padStart(12, '0')}`);

const cases: ShapeCase[] = [
	{
		name: 'Reaction Get Many for Several Targets: one request with every topic ID (duplicates and blanks dropped)',
		parameters: { resource: 'reaction', operation: 'getAllForTargets', targetKind: 'discussion.topics', targetIds: ` ${IDS.topic}, ${IDS.other},,${IDS.topic}` },
		exchanges: [
			{
				request: { method: 'GET', path: '/api/content/reactions', query: { targetKind: 'discussion.topics', targetIds: `${IDS.topic},${IDS.other}` } },
				response: { status: 200, body: { items: [REACTION] } },
			},
		],
		output: [REACTION],
	},
	{
		name: 'Reaction Get Many for Several Targets: 51 post IDs from an expression list, in two requests',
		parameters: { resource: 'reaction', operation: 'getAllForTargets', targetKind: 'discussion.posts', targetIds: postIds as unknown as string },
		exchanges: [postIds.slice(0, 50), postIds.slice(50)].map((ids, index) => ({
			request: { method: 'GET' as const, path: '/api/content/reactions', query: { targetKind: 'discussion.posts', targetIds: ids.join(',') } },
			response: { status: 200, body: { items: index === 0 ? [onPost] : [] } },
		})),
		output: [onPost],
	},
	{
		name: 'Reaction Get Many for Several Targets: an ID that could change the path is refused before any request',
		parameters: { resource: 'reaction', operation: 'getAllForTargets', targetIds: `${IDS.topic}, ../admin` },
		continueOnFail: true,
		exchanges: [],
		output: (items) => expect(String(items[0].error)).toMatch(/"Target IDs" is not a valid Hub ID .*\[item 0\]/),
	},
];

describe('Request shapes: reactions on several targets', () => {
	runShapeCases(node, cases);
});

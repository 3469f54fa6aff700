import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { topicLocator } from '../../descriptions/locators';
import { hubRequest } from '../../helpers/api';
import { earlierUpdate } from '../../helpers/earlierWrites';
import { locatorParameter } from '../../helpers/locators';
import { skipIfDone, skipIfDoneOptions, skipSettings } from '../../helpers/skipIfDone';
import { invalidInput, requireBoolean, requireHubId, requireText } from '../../helpers/validation';
import { TITLE_MAX_LENGTH, titleProperty } from './shared';

const properties: INodeProperties[] = [
	topicLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here change; pinning, locking and marking an answer need a community admin',
		options: [
			{
				displayName: 'Answered By Post ID',
				name: 'answeredPostId',
				type: 'string',
				default: '',
				description: 'ID of the post in this topic that answers it',
			},
			{
				displayName: 'Clear Answer',
				name: 'clearAnswer',
				type: 'boolean',
				default: false,
				description: 'Whether to unmark the post that answers the topic, so that the topic is unanswered again',
			},
			{
				displayName: 'Locked',
				name: 'isLocked',
				type: 'boolean',
				default: false,
				description: 'Whether the topic is closed to new replies',
			},
			{
				displayName: 'Pinned',
				name: 'isPinned',
				type: 'boolean',
				default: false,
				description: 'Whether the topic stays at the top of its community',
			},
			{ ...titleProperty({ required: false }), description: `The new title (1-${TITLE_MAX_LENGTH} characters)` },
		],
	},
	skipIfDoneOptions('state'),
];

export const description = updateDisplayOptions({ show: { resource: ['topic'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const topicId = locatorParameter(this, 'topicId', 'topic', 'Topic', itemIndex);
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const skip = skipSettings(this, itemIndex);
	const changes: IDataObject = {};
	if (updateFields.title !== undefined) {
		changes.title = requireText(this, updateFields.title, 'Title', itemIndex, TITLE_MAX_LENGTH);
	}
	for (const [flag, field] of [['isPinned', 'Pinned'], ['isLocked', 'Locked']] as const) {
		if (updateFields[flag] !== undefined) changes[flag] = requireBoolean(this, updateFields[flag], field, itemIndex);
	}
	const clearAnswer = updateFields.clearAnswer !== undefined && requireBoolean(this, updateFields.clearAnswer, 'Clear Answer', itemIndex);
	if (clearAnswer && updateFields.answeredPostId !== undefined) {
		throw invalidInput(this, 'Clear Answer', 'cannot be used with "Answered By Post ID"', itemIndex, 'Either mark a post as the answer or clear the answer');
	}
	if (updateFields.answeredPostId !== undefined) {
		changes.answeredPostId = requireHubId(this, updateFields.answeredPostId, 'Answered By Post ID', itemIndex);
	}
	// The published types: `answeredPostId: null` clears the answer.
	if (clearAnswer) changes.answeredPostId = null;
	if (Object.keys(changes).length === 0) {
		throw invalidInput(this, 'Update Fields', 'is empty', itemIndex, 'Add at least one field to change');
	}
	const update = async () =>
		await hubRequest(this, 'PUT', `/api/discussion/topics/${encodeURIComponent(topicId)}`, { body: changes, itemIndex, resource: 'topic' });
	return await skipIfDone(this, itemIndex, skip, earlierUpdate(topicId, changes), update);
}

import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { topicLocator } from '../../descriptions/locators';
import { simplifyProperty } from '../../descriptions/common';
import { hubRequest } from '../../helpers/api';
import { addNames, includeAuthorNamesParameter, includeAuthorNamesProperty } from '../../helpers/authorNames';
import { locatorParameter } from '../../helpers/locators';
import { simplifyIf, simplifyParameter } from '../../helpers/simplify';

const properties: INodeProperties[] = [topicLocator(), simplifyProperty('topic'), includeAuthorNamesProperty('topic')];

export const description = updateDisplayOptions({ show: { resource: ['topic'], operation: ['get'] } }, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const simplified = simplifyParameter(this, itemIndex);
	const withNames = includeAuthorNamesParameter(this, itemIndex);
	const topicId = locatorParameter(this, 'topicId', 'topic', 'Topic', itemIndex);
	const topic = await hubRequest(this, 'GET', `/api/discussion/topics/${encodeURIComponent(topicId)}`, {
		itemIndex,
		resource: 'topic',
	});
	const output = simplifyIf(simplified, 'topic', topic);
	return withNames ? await addNames(this, [output], (record) => record.communityId, itemIndex) : output;
}

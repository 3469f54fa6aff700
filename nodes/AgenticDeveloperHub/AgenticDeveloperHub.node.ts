import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { authenticationProperty } from './descriptions/authentication';
import { agenticDeveloperHubApiTest } from './methods/credentialTest';
import * as community from './actions/community';
import * as directMessage from './actions/directMessage';
import * as discussion from './actions/discussion';
import * as integration from './actions/integration';
import * as notification from './actions/notification';
import * as post from './actions/post';
import * as reaction from './actions/reaction';
import * as topic from './actions/topic';
import * as user from './actions/user';
import { router } from './actions/router';
import * as communitySearch from './methods/communitySearch';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class AgenticDeveloperHub implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Agentic Developer Hub',
		name: 'agenticDeveloperHub',
		icon: { light: 'file:agenticDeveloperHub.svg', dark: 'file:agenticDeveloperHub.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read and write Hub discussions, direct messages, notifications and integrations',
		defaults: { name: 'Agentic Developer Hub' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Written out for n8n's lint, which reads `testedBy` here; equal to credentialDescriptions (a test checks).
		credentials: [
			{ name: 'agenticDeveloperHubOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{ name: 'agenticDeveloperHubApi', required: true, testedBy: 'agenticDeveloperHubApiTest', displayOptions: { show: { authentication: ['apiToken'] } } },
		],
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Community', value: 'community' },
					{ name: 'Direct Message', value: 'directMessage' },
					{ name: 'Discussion', value: 'discussion' },
					{ name: 'Integration', value: 'integration' },
					{ name: 'Notification', value: 'notification' },
					{ name: 'Post', value: 'post' },
					{ name: 'Reaction', value: 'reaction' },
					{ name: 'Topic', value: 'topic' },
					{ name: 'User', value: 'user' },
				],
				default: 'topic',
			},
			...community.description,
			...directMessage.description,
			...discussion.description,
			...integration.description,
			...notification.description,
			...post.description,
			...reaction.description,
			...topic.description,
			...user.description,
		],
	};

	methods = { listSearch: { ...listSearch, ...communitySearch }, loadOptions, credentialTest: { agenticDeveloperHubApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

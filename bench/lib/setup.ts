import { Container } from '@n8n/di';
import { OutboundHttp } from '@n8n/backend-network';
import type { IDataObject, IHttpRequestOptions, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { AgenticDeveloperHub } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHub.node';
import { AgenticDeveloperHubTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubTrigger.node';
import { createHarness, OAUTH2_CREDENTIAL, type Harness } from '../../test/harness';
import type { Hub } from '../../test/hub';
import { controlRequest } from '../../test/hub/testing';
import { withDefaults } from '../../test/node/support';

export const actionNode = new AgenticDeveloperHub();
export const triggerNode = new AgenticDeveloperHubTrigger();
export const ADA = 'ada@example.com';
export const GRACE = 'grace@example.com';

/** A sandbox Hub and an in-process n8n with both of Ada's credentials connected. */
export async function benchHarness(): Promise<Harness> {
	const harness = await createHarness();
	harness.useApiToken();
	await harness.connectOAuth2();
	return harness;
}

/** Runs the action node as n8n stores its parameters (every displayed default filled in). */
export async function runNode(
	harness: Harness,
	parameters: INodeParameters,
	items?: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output = await harness.execute(actionNode, { parameters: withDefaults(parameters), items });
	return output[0];
}

export function accessToken(harness: Harness): string {
	return String((harness.storedCredential(OAUTH2_CREDENTIAL).oauthTokenData as IDataObject).access_token);
}

/** One GET over n8n's own HTTP stack (the OutboundHttp service behind every request helper). */
export async function rawRequest(options: IHttpRequestOptions): Promise<unknown> {
	return await Container.get(OutboundHttp).requests().request(options);
}

/** The seeded community Ada administers (only admins may start topics). */
export function adasCommunityId(hub: Hub): string {
	const ada = hub.info().users[0].id;
	const community = Object.values(hub.state.data.communities).find((candidate) => candidate.adminUserIds.includes(ada));
	if (!community) throw new Error('No community administered by Ada');
	return community.id;
}

/** Creates `count` items through the control API, in batches it accepts (at most 500 per call). */
export async function createActivity(hub: Hub, path: string, body: IDataObject, count: number): Promise<IDataObject[]> {
	const created: IDataObject[] = [];
	for (let done = 0; done < count; done += 500) {
		const batch = Math.min(500, count - done);
		created.push(...(await controlRequest<{ items: IDataObject[] }>(hub, 'POST', path, { ...body, count: batch })).items);
	}
	return created;
}

/** Moves time forward for n8n and the sandbox alike (the sandbox's clock reads Date.now). */
export function shiftTime(ms: number): () => void {
	const realNow = Date.now;
	Date.now = () => realNow() + ms;
	return () => {
		Date.now = realNow;
	};
}

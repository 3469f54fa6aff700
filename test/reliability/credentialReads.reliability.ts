import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { AgenticDeveloperHubApi } from '../../credentials/AgenticDeveloperHubApi.credentials';
import { AgenticDeveloperHubOAuth2Api } from '../../credentials/AgenticDeveloperHubOAuth2Api.credentials';

/** Every display condition (`_cnd`) in a list of properties, nested options included. */
function displayConditions(properties: INodeProperties[]): IDataObject[] {
	return properties.flatMap((property) => {
		const own = [property.displayOptions?.show, property.displayOptions?.hide]
			.flatMap((rules) => Object.values(rules ?? {}))
			.flatMap((values): unknown[] => (Array.isArray(values) ? values : [values]))
			.filter((value): value is { _cnd: IDataObject } => typeof value === 'object' && value !== null && '_cnd' in value)
			.map((value) => value._cnd);
		const nested = (property.options ?? []).filter((option): option is INodeProperties => 'displayName' in option && 'type' in option);
		return [...own, ...displayConditions(nested)];
	});
}

/*
 * n8n resolves a credential's display conditions on every read of the credential (the transport
 * reads it several times per request), and runs a `regex` condition in a VM with a 250 ms timeout.
 * Under load that timeout fails items ("Regular expression execution timed out", seen at item 666
 * of a 1,000-item benchmark run) and the VM costs about 2 ms of CPU per item.
 */
describe('credential reads stay cheap and cannot time out', () => {
	it.each([new AgenticDeveloperHubOAuth2Api(), new AgenticDeveloperHubApi()])('$name has no regex display condition', (credential) => {
		const regexConditions = displayConditions(credential.properties).filter((condition) => 'regex' in condition);
		expect(regexConditions).toEqual([]);
	});
});

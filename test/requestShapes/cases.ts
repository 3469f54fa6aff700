import type { IDataObject, INodeExecutionData, INodeListSearchResult, INodeParameters, INodeType } from 'n8n-workflow';
import { operationsByResource } from '../../nodes/AgenticDeveloperHub/actions/router';
import type { HubResource } from '../../nodes/AgenticDeveloperHub/actions/types';
import { ACCESS_TOKEN, API_TOKEN, useShapeHarness, type Exchange, type ShapeHarness } from './support';

/** One operation run: its parameters, the exchanges it must make, and its output. */
export interface ShapeCase {
	name: string;
	parameters: INodeParameters;
	exchanges: Exchange[];
	/** The JSON of every output item, or a check of them. */
	output: IDataObject[] | ((items: IDataObject[]) => void);
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

/** One picker call: the method, the node's parameters and typed filter, the exchanges, the result. */
export interface PickerCase {
	name: string;
	method: string;
	parameters?: INodeParameters;
	filter?: string;
	paginationToken?: string;
	exchanges: Exchange[];
	result: INodeListSearchResult;
}

function tokenOf(parameters: INodeParameters): string {
	return parameters.authentication === 'oAuth2' ? ACCESS_TOKEN : API_TOKEN;
}

/** A test per case: the exact requests, each valid by the published types, and the output. */
export function runShapeCases(node: INodeType, cases: ShapeCase[]): ShapeHarness {
	const shapes = useShapeHarness();
	it.each(cases.map((shapeCase) => [shapeCase.name, shapeCase] as const))('%s', async (_name, shapeCase) => {
		const { parameters, exchanges, output, items, continueOnFail } = shapeCase;
		const produced = await shapes.exchange(exchanges, async () => await shapes.execute(node, parameters, { items, continueOnFail }), {
			token: tokenOf(parameters),
		});
		if (typeof output === 'function') output(produced);
		else expect(produced).toEqual(output);
		// Items of a read-only operation run several at once (actions/router.ts): it may send nothing but reads.
		if (operationsByResource[parameters.resource as HubResource]?.[String(parameters.operation)]?.readOnly) {
			expect(exchanges.map(({ request }) => request.method).filter((method) => method !== 'GET')).toEqual([]);
		}
	});
	return shapes;
}

/** A test per picker case. */
export function runPickerCases(node: INodeType, cases: PickerCase[]): ShapeHarness {
	const shapes = useShapeHarness();
	it.each(cases.map((pickerCase) => [pickerCase.name, pickerCase] as const))('%s', async (_name, pickerCase) => {
		const { method, parameters = {}, filter, paginationToken, exchanges, result } = pickerCase;
		const found = await shapes.exchange(exchanges, async () => await shapes.listSearch(node, method, parameters, filter, paginationToken), {
			token: tokenOf(parameters),
		});
		expect(found).toEqual(result);
	});
	return shapes;
}

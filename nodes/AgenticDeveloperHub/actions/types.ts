import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** What every `<operation>.operation.ts` exports. */
export interface HubOperation {
	description: INodeProperties[];
	/** Only reads the Hub (GET requests): items may run concurrently (actions/router.ts). */
	readOnly?: boolean;
	/** Runs the operation for one input item; each returned object becomes one output item. */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

export type HubResource =
	| 'community'
	| 'user'
	| 'topic'
	| 'post'
	| 'discussion'
	| 'reaction'
	| 'directMessage'
	| 'notification'
	| 'integration';

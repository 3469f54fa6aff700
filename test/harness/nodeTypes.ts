import { NodeHelpers, type IDataObject, type INodeType, type INodeTypes, type IVersionedNodeType } from 'n8n-workflow';

/** The node types a harness workflow knows: the node under test (plus a mock for credential expressions). */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	register(type: INodeType | IVersionedNodeType): string {
		const name = type.description.name;
		this.types.set(name, type);
		return name;
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown node type "${name}"`);
		return type;
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(name), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

export const mockNodeTypes = new HarnessNodeTypes();
mockNodeTypes.register({ description: { name: 'mock', properties: [] } } as unknown as INodeType);

import { readdirSync } from 'fs';
import path from 'path';
import { repoRoot } from './support/environment';
import { useSession } from './support/session';
import { readWorkflow } from './support/workflows';

const examplesDir = path.join(repoRoot, 'examples');
const examples = readdirSync(examplesDir).filter((file) => file.endsWith('.json'));

describe('the example workflows', () => {
	const session = useSession();

	it('exist', () => {
		expect(examples.length).toBeGreaterThanOrEqual(3);
	});

	it.each(examples)('%s imports into n8n with every node type known', async (file) => {
		const example = readWorkflow(path.join(examplesDir, file));
		const known = (await session.n8n.call<Array<{ name: string; version: number | number[] }>>('GET', '/types/nodes.json')).body;
		for (const node of example.nodes) {
			const type = known.find((candidate) => candidate.name === node.type && [candidate.version].flat().includes(node.typeVersion as number));
			expect({ node: node.name, known: Boolean(type) }).toEqual({ node: node.name, known: true });
		}

		const { id } = await session.n8n.createWorkflow(example);
		const imported = await session.n8n.data('GET', `/rest/workflows/${id}`);
		expect(imported.name).toBe(example.name);
		expect(imported.nodes.map((node: { name: string; parameters: unknown }) => [node.name, node.parameters])).toEqual(
			example.nodes.map((node) => [node.name, expect.objectContaining(node.parameters)]),
		);
		expect(imported.connections).toEqual(example.connections);
	});
});

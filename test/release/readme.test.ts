import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { AgenticDeveloperHub } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHub.node';
import { AgenticDeveloperHubRealtimeTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubRealtimeTrigger.node';
import { AgenticDeveloperHubTrigger } from '../../nodes/AgenticDeveloperHub/AgenticDeveloperHubTrigger.node';
import { N8N_LINES } from '../../scripts/lib/provision';

/*
 * The README is the user's page: short, with what n8n's template asks for, and true to the nodes
 * (operations and trigger events read from the node descriptions, the minimum n8n versions from
 * the lines the suites install, the version from package.json and the CHANGELOG). Every relative
 * link in it and in docs/ leads to a file and heading that exist, the codex files' included.
 */

const root = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const readme = read('README.md');
const manifest = JSON.parse(read('package.json'));

/** The rows of the Markdown table between `<!-- name -->` and `<!-- /name -->`, as cells. */
function tableRows(text: string, name: string): string[][] {
	const start = text.indexOf(`<!-- ${name} -->`);
	const end = text.indexOf(`<!-- /${name} -->`);
	expect(start).toBeGreaterThanOrEqual(0);
	return text
		.slice(start, end)
		.split('\n')
		.filter((line) => line.startsWith('|'))
		.slice(2)
		.map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

const optionNames = (property: INodeProperties) => (property.options as INodePropertyOptions[]).map((option) => option.name);

/** GitHub's anchor for a heading. */
const anchorOf = (heading: string) =>
	heading
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');

const headingsOf = (text: string) => [...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => match[1].trim());

describe('the README', () => {
	it('is a short page (under 250 lines) with the sections a user looks for', () => {
		expect(readme.split('\n').length).toBeLessThan(250);
		const sections = headingsOf(readme);
		for (const section of ['Installation', 'Credentials', 'Operations', 'Triggers', 'Usage', 'Compatibility', 'Troubleshooting', 'Documentation', 'Version history']) {
			expect(sections).toContain(section);
		}
	});

	it('lists every resource with exactly the operations the node offers', () => {
		const { properties } = new AgenticDeveloperHub().description;
		const resources = properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[];
		const offered = resources.map((resource) => {
			const operation = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value as string))!;
			return [resource.name, [...optionNames(operation)].sort().join(', ')];
		});
		const listed = tableRows(readme, 'operations-summary').map(([resource, operations]) => [resource, operations.split(', ').sort().join(', ')]);
		expect(listed.sort()).toEqual(offered.sort());
	});

	it('describes each operation in docs/operations.md', () => {
		const { properties } = new AgenticDeveloperHub().description;
		const described = new Set(
			tableRows(read('docs/operations.md'), 'operations-table').flatMap(([resource, operations]) => operations.split(' / ').map((operation) => `${resource}: ${operation}`)),
		);
		for (const [resource, operations] of tableRows(readme, 'operations-summary')) {
			for (const operation of operations.split(', ')) expect(described).toContain(`${resource}: ${operation}`);
		}
		expect(described.size).toBe(tableRows(readme, 'operations-summary').reduce((count, [, operations]) => count + operations.split(', ').length, 0));
		expect(properties.length).toBeGreaterThan(0);
	});

	it.each([
		['trigger-table', new AgenticDeveloperHubTrigger()],
		['realtime-trigger-table', new AgenticDeveloperHubRealtimeTrigger()],
	])('lists the events of the %s as the trigger offers them', (table, trigger) => {
		const event = trigger.description.properties.find((property) => property.name === 'event')!;
		expect(tableRows(readme, table).map(([name]) => name).sort()).toEqual(optionNames(event).sort());
	});

	it('names the minimum n8n version of each line: the version the suites install', () => {
		const rows = Object.fromEntries(tableRows(readme.replace('| n8n line |', '<!-- compat -->\n| n8n line |').replace('\n\nThe minimum is', '\n<!-- /compat -->\n\nThe minimum is'), 'compat').map((cells) => [cells[0], cells]));
		expect(rows['2.x'][1]).toBe(`**${N8N_LINES['2.x'].n8n}**`);
		expect(rows['1.x'][1]).toBe(`**${N8N_LINES['1.x'].n8n}**`);
	});

	it("has this version in its Version history and a dated CHANGELOG section for it", () => {
		const history = readme.slice(readme.indexOf('## Version history'));
		const [, date] = new RegExp(`^\\| ${manifest.version.replace(/\./g, '\\.')} \\| (\\d{4}-\\d{2}-\\d{2}) \\|`, 'm').exec(history) ?? [];
		expect(date).toBeDefined();
		expect(read('CHANGELOG.md')).toContain(`## [${manifest.version}] - ${date}`);
	});
});

describe('links', () => {
	// Pages other branches add; remove each from this list once it exists.
	const pending: string[] = [];
	const pages = ['README.md', 'RELEASING.md', ...readdirSync(path.join(root, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];

	it.each(pages)('in %s lead to files and headings that exist', (page) => {
		const links = [...read(page).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]).filter((link) => !/^[a-z]+:/.test(link));
		for (const link of links) {
			const [file, anchor] = link.split('#');
			const target = file ? path.posix.normalize(path.posix.join(path.posix.dirname(page), file)) : page;
			if (pending.includes(target)) continue;
			expect([link, existsSync(path.join(root, target))]).toEqual([link, true]);
			if (anchor && target.endsWith('.md')) expect(headingsOf(read(target)).map(anchorOf)).toContain(anchor);
		}
	});

	it('in the codex files lead to README sections, with n8n categories and no invented subcategories', () => {
		const readmeAnchors = headingsOf(readme).map(anchorOf);
		// n8n's own app nodes (Slack, Discord, Discourse, Mattermost, their triggers) use categories
		// only; subcategories exist for Core Nodes, AI and Human in the Loop.
		const n8nCategories = ['Analytics', 'Communication', 'Data & Storage', 'Development', 'Finance & Accounting', 'Marketing', 'Miscellaneous', 'Productivity', 'Sales', 'Utility'];
		const folder = 'nodes/AgenticDeveloperHub';
		for (const file of readdirSync(path.join(root, folder)).filter((name) => name.endsWith('.node.json'))) {
			const codex = JSON.parse(read(`${folder}/${file}`));
			expect([file, codex.subcategories]).toEqual([file, undefined]);
			for (const category of codex.categories) expect(n8nCategories).toContain(category);
			for (const { url } of [...codex.resources.primaryDocumentation, ...codex.resources.credentialDocumentation]) {
				expect(url).toMatch(new RegExp(`^${manifest.homepage.replace('#readme', '').replace(/[.]/g, '\\.')}#`));
				expect(readmeAnchors).toContain(url.split('#')[1]);
			}
		}
	});
});

// The HubSpot (RevOps) node's editor description, as n8n resolves it: every parameter explained,
// n8n's words and Title Case, options shown only for the operations they change, notices only when
// the choice they warn about is made, version 1 and 2 parameters each on their own version, and a
// canvas subtitle that reads like the editor.
import '../helpers/n8nEnvironment';
import {
	NodeHelpers,
	Workflow,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyCollection,
	type INodePropertyOptions,
	type INodeTypes,
} from 'n8n-workflow';
import { HubSpotRevOps } from '../../../nodes/HubSpot/HubSpotRevOps.node';

const nodeType = new HubSpotRevOps();
const { description } = nodeType;

/** Every property, nested ones (collection options, fixed collection values) included. */
function allProperties(properties: INodeProperties[], path = ''): Array<[string, INodeProperties]> {
	return properties.flatMap((property): Array<[string, INodeProperties]> => {
		const here = `${path}${property.name}`;
		const nested = (property.options ?? []).flatMap((option) => {
			if ('values' in option)
				return allProperties((option as INodePropertyCollection).values, `${here}.${option.name}.`);
			if ('type' in option) return allProperties([option as INodeProperties], `${here}.`);
			return [];
		});
		return [[here, property], ...nested];
	});
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'or', 'of', 'to', 'per', 'in', 'by', 'the', 'for']);
/** n8n's display names: every word capitalized except short connectives (not first). */
function isTitleCase(text: string): boolean {
	return text
		.split(/[\s-]+/)
		.filter((word) => /^[(]?[a-z]/i.test(word))
		.every((word, i) => {
			const bare = word.replace(/^[(]/, '');
			return /^[A-Z0-9]/.test(bare) || (i > 0 && SMALL_WORDS.has(bare));
		});
}

function nodeOf(parameters: INodeParameters, typeVersion = 2): INode {
	return {
		id: 'hubspot',
		name: 'HubSpot (RevOps)',
		type: 'n8n-nodes-revops.hubSpotRevOps',
		typeVersion,
		position: [0, 0],
		parameters,
	};
}

/** The parameters n8n keeps when it runs (or shows) a node: hidden ones are dropped. */
function resolved(parameters: INodeParameters, typeVersion = 2): INodeParameters {
	return NodeHelpers.getNodeParameters(
		description.properties,
		parameters,
		true,
		false,
		nodeOf(parameters, typeVersion),
		description,
	)!;
}

/** Which of the given options survive for this resource and operation. */
function optionsKept(parameters: INodeParameters, options: INodeParameters): string[] {
	return Object.keys(
		(resolved({ ...parameters, options }).options as INodeParameters) ?? {},
	).sort();
}

/** Whether a root parameter (e.g. a notice) is shown for these parameters. */
function shown(name: string, parameters: INodeParameters, typeVersion = 2): boolean[] {
	const values = resolved(parameters, typeVersion);
	return description.properties
		.filter((property) => property.name === name)
		.map((property) =>
			NodeHelpers.displayParameter(
				{ ...values, options: parameters.options ?? {} },
				property,
				nodeOf(values, typeVersion),
				description,
			),
		);
}

describe('HubSpot (RevOps) description', () => {
	test('every parameter, nested ones included, has a description (or is a notice)', () => {
		const missing = allProperties(description.properties)
			.filter(([, property]) => property.type !== 'notice' && !property.description?.trim())
			.map(([path]) => path);
		expect([...new Set(missing)]).toEqual([]);
	});

	test('parameter, option and operation names are Title Case', () => {
		const names = allProperties(description.properties).flatMap(([, property]) => [
			...(property.type === 'notice' ? [] : [property.displayName]),
			...((property.options ?? []) as INodePropertyOptions[])
				.filter((option) => typeof option.name === 'string' && 'value' in option)
				.map((option) => option.name),
		]);
		expect(names.filter((name) => !isTitleCase(name))).toEqual([]);
	});

	test('Archive is shown as Delete (value archive, so saved workflows keep working)', () => {
		const pickers = description.properties.filter(
			(p) =>
				p.name === 'operation' &&
				(p.options as INodePropertyOptions[]).some((o) => o.value === 'archive'),
		);
		expect(pickers).toHaveLength(4);
		const actions = pickers.map((picker) => {
			const option = (picker.options as INodePropertyOptions[]).find((o) => o.value === 'archive')!;
			expect(option.name).toBe('Delete');
			expect(option.description).toMatch(/recycle bin/);
			return option.action;
		});
		expect(actions.sort()).toEqual([
			'Delete companies',
			'Delete contacts',
			'Delete deals',
			'Delete records',
		]);
		expect(
			pickers.flatMap((picker) => (picker.options as INodePropertyOptions[]).map((o) => o.name)),
		).not.toContain('Archive');
	});

	test('the canvas subtitle names the operation and resource as the editor does', () => {
		// As the editor does: the expression evaluated for the node, $parameter being its parameters.
		const subtitle = (parameters: INodeParameters) => {
			const node = nodeOf(parameters);
			const workflow = new Workflow({
				nodes: [node],
				connections: {},
				active: false,
				nodeTypes: { getByNameAndVersion: () => nodeType } as unknown as INodeTypes,
			});
			return workflow.expression.getSimpleParameterValue(
				node,
				description.subtitle,
				'internal',
				{},
			);
		};
		expect(subtitle({ resource: 'company', operation: 'archive' })).toBe('Delete: Company');
		expect(subtitle({ resource: 'contact', operation: 'upsert' })).toBe(
			'Create or Update: Contact',
		);
		expect(subtitle({ resource: 'customObject', operation: 'getAll' })).toBe(
			'Get Many: Custom Object',
		);
		expect(subtitle({ resource: 'association', operation: 'create' })).toBe('Create: Association');
	});

	test('version 2 is the default; the record, Define Below and labels change type on it', () => {
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
		const update = {
			resource: 'company',
			operation: 'update',
			propertiesMode: 'define',
			recordId: 'x',
		};
		const typeOf = (name: string, typeVersion: number, parameters: INodeParameters) =>
			description.properties
				.filter((p) => p.name === name)
				.filter((p) =>
					NodeHelpers.displayParameter(
						resolved(parameters, typeVersion),
						p,
						nodeOf(parameters, typeVersion),
						description,
					),
				)
				.map((p) => p.type);
		expect(typeOf('recordId', 1, update)).toEqual(['string']);
		expect(typeOf('recordId', 2, update)).toEqual(['resourceLocator']);
		expect(typeOf('propertyValues', 1, update)).toEqual(['fixedCollection']);
		expect(typeOf('propertyValues', 2, update)).toEqual([]);
		expect(typeOf('propertyMapping', 2, update)).toEqual(['resourceMapper']);
		const labelled = { resource: 'association', operation: 'create', associationKind: 'labelled' };
		expect(typeOf('associationTypeId', 1, labelled)).toEqual(['number']);
		expect(typeOf('associationLabel', 1, labelled)).toEqual([]);
		expect(typeOf('associationLabel', 2, labelled)).toEqual(['options']);
		expect(typeOf('associationTypeId', 2, labelled)).toEqual([]);
	});

	test('the record locator offers domain for companies, email for contacts, and a URL check', () => {
		const modes = (resource: string) =>
			description.properties
				.filter(
					(p) =>
						p.type === 'resourceLocator' &&
						p.displayOptions?.show?.resource?.includes(resource) &&
						p.displayOptions.show.operation?.includes('get'),
				)
				.flatMap((p) => (p.modes ?? []).map((mode) => mode.name));
		expect(modes('company')).toEqual(['id', 'url', 'domain']);
		expect(modes('contact')).toEqual(['id', 'url', 'email']);
		expect(modes('deal')).toEqual(['id', 'url']);
		expect(modes('customObject')).toEqual(['id', 'url']);
	});

	describe('options are shown only for the operations they change', () => {
		const all = {
			batchSize: 10,
			dryRun: true,
			excludeFields: 'x',
			idProperty: 'email',
			includeInputFields: true,
			properties: ['name'],
			searchFilterGroups: 2,
			sendEmptyValues: true,
			timeoutMs: 5000,
		};
		const transport = ['batchSize', 'includeInputFields', 'timeoutMs'];

		test.each([
			[{ resource: 'company', operation: 'get' }, ['idProperty', 'properties']],
			[{ resource: 'deal', operation: 'getAll' }, ['properties']],
			[{ resource: 'customObject', operation: 'search' }, ['properties']],
			[
				{ resource: 'company', operation: 'upsert' },
				['dryRun', 'excludeFields', 'searchFilterGroups', 'sendEmptyValues'],
			],
			[
				{ resource: 'company', operation: 'upsert', upsertMode: 'uniqueKey' },
				['dryRun', 'excludeFields', 'sendEmptyValues'],
			],
			[
				{ resource: 'contact', operation: 'upsert', propertiesMode: 'define' },
				['dryRun', 'sendEmptyValues'],
			],
			[
				{ resource: 'contact', operation: 'upsert', associateWithCompany: 'companyDomain' },
				['dryRun', 'excludeFields', 'searchFilterGroups', 'sendEmptyValues'],
			],
			[
				{ resource: 'contact', operation: 'upsert', associateWithCompany: 'companyId' },
				['dryRun', 'excludeFields', 'sendEmptyValues'],
			],
			[{ resource: 'deal', operation: 'create' }, ['dryRun', 'excludeFields', 'sendEmptyValues']],
			[{ resource: 'deal', operation: 'update' }, ['dryRun', 'excludeFields', 'sendEmptyValues']],
			[{ resource: 'contact', operation: 'archive' }, ['dryRun']],
			[{ resource: 'company', operation: 'createKeyProperty' }, ['dryRun']],
			[{ resource: 'association', operation: 'create' }, ['dryRun']],
			[{ resource: 'association', operation: 'remove' }, ['dryRun']],
			[{ resource: 'association', operation: 'list' }, []],
			[{ resource: 'property', operation: 'create' }, ['dryRun']],
			[{ resource: 'property', operation: 'list' }, []],
		])('%j → %j and the transport options', (parameters, specific) => {
			expect(optionsKept(parameters, all)).toEqual([...specific, ...transport].sort());
		});
	});

	describe('notices appear only when the choice they warn about is made', () => {
		test('Match Companies By → Unique Domain Key', () => {
			const upsert = { resource: 'company', operation: 'upsert' };
			expect(shown('uniqueKeyNotice', { ...upsert, upsertMode: 'uniqueKey' })).toEqual([true]);
			expect(shown('uniqueKeyNotice', { ...upsert, upsertMode: 'search' })).toEqual([false]);
			const notice = description.properties.find((p) => p.name === 'uniqueKeyNotice')!;
			expect(notice.displayName).toMatch(/Create Domain Key Property/);
			expect(notice.displayName).toMatch(/created elsewhere/);
		});

		test('Update Policy → Only Fill Empty Fields or Last Write Wins', () => {
			const update = { resource: 'deal', operation: 'update' };
			const visible = (updatePolicy: string) =>
				shown('updatePolicyNotice', { ...update, updatePolicy }).some(Boolean);
			expect(visible('fillEmpty')).toBe(true);
			expect(visible('lastWriteWins')).toBe(true);
			expect(visible('overwrite')).toBe(false);
			const notice = description.properties.find((p) => p.name === 'updatePolicyNotice')!;
			expect(notice.displayName).toMatch(/one extra read call per 100 records/);
		});

		test('Options → Dry Run', () => {
			const write = { resource: 'contact', operation: 'upsert' };
			expect(shown('dryRunNotice', { ...write, options: { dryRun: true } })).toEqual([true]);
			expect(shown('dryRunNotice', { ...write, options: { dryRun: false } })).toEqual([false]);
			expect(shown('dryRunNotice', write)).toEqual([false]);
			const notice = description.properties.find((p) => p.name === 'dryRunNotice')!;
			expect(notice.displayName).toMatch(/nothing is written/);
		});
	});
});

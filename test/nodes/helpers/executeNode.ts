/**
 * Runs one node the way n8n runs it: n8n-core's `WorkflowExecute` executes a two-node workflow
 * (`Input` → the node under test) with the real node execution context, parameter resolution and
 * defaults, `continueOnFail`/error-output handling, paired-item checks, HTTP request helpers and
 * deduplication helpers. Only storage is swapped: credentials come from the test, and processed-keys
 * history lives in a {@link MemoryDedupeStore}.
 *
 * @example
 *   const store = new MemoryDedupeStore();
 *   const run = await executeNode({
 *     node: new Dedupe(),
 *     parameters: { keys: { key: [{ kind: 'domain', fields: 'website' }] } },
 *     items: [{ website: 'https://acme.com' }, { website: 'acme.com/about' }],
 *     onError: 'continueErrorOutput',
 *     dedupeStore: store,          // pass the same store again to see the first run's keys
 *   });
 *   run.outputs[0]; // kept: [{ json: {...}, pairedItem: { item: 0 } }]
 *   run.outputs[1]; // duplicates
 *   run.error;      // set when the node threw (the run then has no outputs)
 */
import './n8nEnvironment';
import {
	DataDeduplicationService,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ExecutionBaseError,
	type IDataDeduplicator,
	type IDataObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IPairedItemData,
	type IRun,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { MemoryDedupeStore } from './memoryDedupeStore';
import { TestCredentialsHelper, type TestCredential } from './testCredentialsHelper';

export { MemoryDedupeStore } from './memoryDedupeStore';
export type { TestCredential } from './testCredentialsHelper';

export interface ExecuteNodeOptions {
	/** An instance of the node class under test, e.g. `new SignalScore()`. */
	node: INodeType;
	/** The node's parameters as a workflow stores them; unset ones take the description's defaults. */
	parameters?: IDataObject;
	/** Input items' JSON, fed to the node by a pass-through `Input` node (item i pairs with input item i). */
	items?: IDataObject[];
	/** For a node with several inputs: the items of each, fed by one pass-through node per input. */
	inputs?: IDataObject[][];
	/** The node's "On Error" setting. Default `stopWorkflow` (the node's error fails the run). */
	onError?: INode['onError'];
	/** Credentials the node may ask for; they are attached to the node under their type's name. */
	credentials?: TestCredential[];
	/** The workflow's static data (`this.getWorkflowStaticData`); mutated in place by the node. */
	staticData?: IDataObject;
	/** Cross-execution dedupe history; a fresh one per run unless given. Share it to model later executions. */
	dedupeStore?: MemoryDedupeStore;
	/** Workflow and node ids, which key the dedupe history (scope workflow / node). Stable defaults. */
	workflowId?: string;
	/** The workflow's name (`this.getWorkflow().name`), which metrics use as a label. Default none. */
	workflowName?: string;
	nodeId?: string;
	/** The node's version in the workflow (default: its latest, as a node added today). */
	typeVersion?: number;
}

export interface OutputItem {
	json: IDataObject;
	pairedItem?: IPairedItemData | IPairedItemData[] | number;
	/** Set on items the node failed and passed on (continueOnFail). */
	error?: ExecutionBaseError;
}

export interface NodeRunResult {
	/** One list per output of the node (the error output last, with `continueErrorOutput`). Empty when it threw. */
	outputs: OutputItem[][];
	/** What the node threw, as n8n reports it (message, description, context.itemIndex). */
	error?: ExecutionBaseError;
	/** The full run as n8n records it, for anything else (hints, metadata). */
	run: IRun;
}

const PACKAGE = 'n8n-nodes-revops';
const INPUT_NODE = 'Input';

/** Emits the items it is given; stands for whatever node feeds the node under test. */
class InputNode implements INodeType {
	description = {
		displayName: INPUT_NODE,
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Emits the test items',
		defaults: { name: INPUT_NODE },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((item, index) => ({ json: item.json, pairedItem: { item: index } })),
		];
	}
}

class SingleNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}
	getByName(type: string): INodeType {
		const found = this.types[type];
		if (!found) throw new Error(`Unknown node type ${type}`);
		return found;
	}
	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}
	getKnownTypes(): IDataObject {
		return {};
	}
}

/**
 * n8n-core keeps one process-wide deduplication service. Ours routes each call to the store of the run it
 * came from: the helpers pass the run's Workflow object along, and each run has its own.
 */
const storesByWorkflow = new WeakMap<object, MemoryDedupeStore>();
const routeToRunStore: IDataDeduplicator = {
	checkProcessedAndRecord: async (items, scope, context, options) =>
		storeOf(context.workflow).checkProcessedAndRecord(items, scope, context, options),
	removeProcessed: async (items, scope, context, options) =>
		storeOf(context.workflow).removeProcessed(items, scope, context, options),
	clearAllProcessedItems: async (scope, context) =>
		storeOf(context.workflow).clearAllProcessedItems(scope, context),
	getProcessedDataCount: async (scope, context, options) =>
		storeOf(context.workflow).getProcessedDataCount(scope, context, options),
};
function storeOf(workflow: object): MemoryDedupeStore {
	const store = storesByWorkflow.get(workflow);
	if (!store) throw new Error('This workflow was not started by executeNode');
	return store;
}
const dedupeServiceReady = DataDeduplicationService.init(routeToRunStore);

function additionalDataFor(
	hooks: ExecutionLifecycleHooks,
	credentials: readonly TestCredential[],
	workflowId: string,
) {
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks,
		executionId: hooks.executionId,
		workflowId,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		logAiEvent: () => undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not available in node tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('Task runners (Code node) are not available in node tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

let executionCounter = 0;

/** The node under test as a workflow holds it: its type, version, parameters and credentials. */
function nodeUnderTest(
	options: Pick<
		ExecuteNodeOptions,
		'node' | 'parameters' | 'onError' | 'credentials' | 'nodeId' | 'typeVersion'
	>,
): INode {
	const { description } = options.node;
	const credentials = options.credentials ?? [];
	return {
		id: options.nodeId ?? `${description.name}-node`,
		name: (description.defaults.name as string | undefined) ?? description.displayName,
		type: `${PACKAGE}.${description.name}`,
		typeVersion:
			options.typeVersion ??
			(Array.isArray(description.version) ? Math.max(...description.version) : description.version),
		position: [200, 0],
		parameters: (options.parameters ?? {}) as INodeParameters,
		...(options.onError ? { onError: options.onError } : {}),
		...(credentials.length
			? {
					credentials: Object.fromEntries(
						credentials.map((c, i) => [
							c.type.name,
							{ id: `credential-${i}`, name: c.type.displayName },
						]),
					),
				}
			: {}),
	};
}

export interface LoadOptionsOptions {
	node: INodeType;
	/** The node's current parameters in the editor (what the editor sends with the request). */
	parameters?: IDataObject;
	credentials?: TestCredential[];
	typeVersion?: number;
	/** The parameter asking, e.g. `parameters.propertyMapping`. */
	path?: string;
}

/**
 * The context n8n gives a node's `methods` (loadOptions, resourceMapping, listSearch) when the
 * editor asks: n8n-core's LoadOptionsContext on a one-node workflow, the editor's current
 * parameters as `currentNodeParameters`, credentials from the test.
 *
 * @example
 *   const fn = loadOptionsContext({ node: new HubSpotRevOps(), parameters: { resource: 'company' }, credentials });
 *   await new HubSpotRevOps().methods.resourceMapping.getPropertyMapping.call(fn);
 */
export function loadOptionsContext(options: LoadOptionsOptions): ILoadOptionsFunctions {
	const node = nodeUnderTest(options);
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new SingleNodeTypes({ [node.type]: options.node }),
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('internal', 'load-options', {
		id: workflow.id,
		name: 'node test',
		nodes: workflow.nodes,
		connections: {},
		active: false,
	} as never);
	const additionalData = additionalDataFor(hooks, options.credentials ?? [], workflow.id);
	const withDefaults = workflow.getNode(node.name)!;
	additionalData.currentNodeParameters = withDefaults.parameters;
	return new LoadOptionsContext(
		workflow,
		withDefaults,
		additionalData,
		options.path ?? 'parameters',
	);
}

/** Executes the node once on `items` through n8n's engine and returns what each output received. */
export async function executeNode(options: ExecuteNodeOptions): Promise<NodeRunResult> {
	await dedupeServiceReady;
	const credentials = options.credentials ?? [];
	const underTest = nodeUnderTest(options);
	const { type, name: nodeName } = underTest;
	const inputItems = options.inputs ?? [options.items ?? []];
	const inputNodes: INode[] = inputItems.map((_, index) => ({
		id: `input-node-${index}`,
		name: index === 0 ? INPUT_NODE : `${INPUT_NODE} ${index + 1}`,
		type: `${PACKAGE}.testInput`,
		typeVersion: 1,
		position: [0, index * 200],
		parameters: {},
	}));
	const workflow = new Workflow({
		id: options.workflowId ?? 'test-workflow',
		name: options.workflowName,
		nodes: [...inputNodes, underTest],
		connections: Object.fromEntries(
			inputNodes.map((input, index) => [
				input.name,
				{ main: [[{ node: nodeName, type: 'main', index }]] },
			]),
		),
		active: false,
		nodeTypes: new SingleNodeTypes({
			[type]: options.node,
			[`${PACKAGE}.testInput`]: new InputNode(),
		}),
		staticData: options.staticData,
		settings: { executionOrder: 'v1' },
	});
	storesByWorkflow.set(workflow, options.dedupeStore ?? new MemoryDedupeStore());

	const executionId = String(++executionCounter);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: workflow.id,
		name: 'node test',
		nodes: workflow.nodes,
		connections: {},
		active: false,
	} as never);
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: inputNodes.map((node, index) => ({
				node,
				data: { main: [inputItems[index].map((json) => ({ json }))] },
				source: null,
			})),
		},
	} as unknown as IRunExecutionData;
	const engine = new WorkflowExecute(
		additionalDataFor(hooks, credentials, workflow.id),
		'manual',
		runExecutionData,
	);
	const run = await engine.processRunExecutionData(workflow);

	const task = run.data.resultData.runData[nodeName]?.[0];
	const error = task?.error ?? (run.data.resultData.error as ExecutionBaseError | undefined);
	const outputs = (task?.data?.main ?? []).map((items: INodeExecutionData[] | null) =>
		(items ?? []).map(({ json, pairedItem, error: itemError }: INodeExecutionData) => ({
			json,
			pairedItem,
			...(itemError ? { error: itemError } : {}),
		})),
	);
	return { outputs, error, run };
}

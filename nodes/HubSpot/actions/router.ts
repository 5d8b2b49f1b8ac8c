// Resource + operation → the operation's function. Builds the run (client, outputs, options) once;
// a failure that escapes an operation (e.g. the property list it needed) fails every item not yet
// answered, so nothing is dropped.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { ItemOutputs } from '../helpers/outputs';
import type { Operation, Run } from '../helpers/run';
import { connect } from '../transport/connect';
import { toFailure } from '../transport/failure';
import * as associationCreate from './association/create.operation';
import * as associationList from './association/list.operation';
import * as associationRemove from './association/remove.operation';
import * as companyKeyProperty from './company/createKeyProperty.operation';
import * as companyUpsert from './company/upsert.operation';
import * as contactUpsert from './contact/upsert.operation';
import * as archive from './object/archive.operation';
import * as create from './object/create.operation';
import * as get from './object/get.operation';
import * as getMany from './object/getMany.operation';
import * as search from './object/search.operation';
import * as update from './object/update.operation';
import * as upsert from './object/upsert.operation';
import * as propertyCreate from './property/create.operation';
import * as propertyList from './property/list.operation';

const recordOperations: Record<string, Operation> = {
	get: get.get,
	getAll: getMany.getMany,
	search: search.search,
	create: create.create,
	update: update.update,
	upsert: upsert.upsert,
	archive: archive.archive,
};

const operations: Record<string, Record<string, Operation>> = {
	company: {
		...recordOperations,
		upsert: companyUpsert.upsert,
		createKeyProperty: companyKeyProperty.createKeyProperty,
	},
	contact: { ...recordOperations, upsert: contactUpsert.upsert },
	deal: recordOperations,
	customObject: recordOperations,
	association: {
		create: associationCreate.create,
		remove: associationRemove.remove,
		list: associationList.list,
	},
	property: { list: propertyList.list, create: propertyCreate.create },
};

const OBJECT_TYPES: Record<string, string> = {
	company: 'companies',
	contact: 'contacts',
	deal: 'deals',
};

function objectTypeOf(fn: IExecuteFunctions, resource: string): string {
	if (resource === 'customObject') return String(fn.getNodeParameter('customObjectType', 0));
	if (resource === 'property') return String(fn.getNodeParameter('propertyObjectType', 0));
	return OBJECT_TYPES[resource] ?? '';
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const operationFn = operations[resource]?.[operation];
	if (!operationFn)
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for "${resource}"`,
		);
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const run: Run = {
		fn: this,
		client: await connect(this, this.getNodeParameter('authentication', 0) as string, options),
		items,
		out: new ItemOutputs(items),
		objectType: objectTypeOf(this, resource),
		options: {
			dryRun: options.dryRun === true,
			sendEmpty: options.sendEmptyValues === true,
			batchSize: Math.min(100, Math.max(1, Number(options.batchSize ?? 100) || 100)),
		},
		rawOptions: options,
	};
	try {
		await operationFn(run);
	} catch (error) {
		const failure = toFailure(error);
		for (let index = 0; index < items.length; index++)
			if (!run.out.settled(index)) run.out.fail(index, failure);
	}
	return run.out.toOutputs(options.includeInputFields === true);
}

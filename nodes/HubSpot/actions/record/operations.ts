// The operations every CRM record type has; a resource file lists these and its own. The record
// locator (Get, Update, Delete) is worded for the resource and offers its own lookups.
import type { RecordLocatorSpec } from '../common/fields.description';
import type { OperationModule } from '../common/resource';
import * as archive from './archive.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getChanges from './getChanges.operation';
import * as getMany from './getMany.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export function recordOperations(spec: RecordLocatorSpec): Record<string, OperationModule> {
	return {
		archive: { description: archive.describe(spec), execute: archive.execute },
		create,
		get: { description: get.describe(spec), execute: get.execute },
		getAll: getMany,
		getChanges,
		search,
		update: { description: update.describe(spec), execute: update.execute },
		/** By any property with unique values; companies and contacts have their own. */
		upsert,
	};
}

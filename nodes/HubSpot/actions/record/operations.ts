// The operations every CRM record type has; a resource file lists these and its own.
import * as archive from './archive.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const recordOperations = {
	archive,
	create,
	get,
	getAll: getMany,
	search,
	update,
	/** By any property with unique values; companies and contacts have their own. */
	upsert,
};

// CRM search: filters set in the node (one AND group) or a raw JSON body (filterGroups, sorts,
// query) for anything the form cannot express. Paged to the limit.
import { jsonParse, type IDataObject } from 'n8n-workflow';
import { searchAll } from '../../crm/search';
import type { Run } from '../../helpers/run';
import { toFailure } from '../../transport/failure';
import { propertiesToReturn } from './returnedProperties';

const MULTI_VALUE = new Set(['IN', 'NOT_IN']);

function filtersFromForm(run: Run, index: number): IDataObject {
	const filters =
		((run.fn.getNodeParameter('filters', index, {}) as IDataObject).filter as
			| IDataObject[]
			| undefined) ?? [];
	return {
		filterGroups: filters.length
			? [
					{
						filters: filters.map((f) => {
							const operator = String(f.operator);
							const value = String(f.value ?? '');
							if (MULTI_VALUE.has(operator))
								return {
									propertyName: f.propertyName,
									operator,
									values: value.split(',').map((v) => v.trim()),
								};
							if (operator === 'HAS_PROPERTY' || operator === 'NOT_HAS_PROPERTY')
								return { propertyName: f.propertyName, operator };
							return { propertyName: f.propertyName, operator, value };
						}),
					},
				]
			: [],
	};
}

export async function search(run: Run): Promise<void> {
	const properties = propertiesToReturn(run);
	for (let index = 0; index < run.items.length; index++) {
		let body: IDataObject;
		try {
			body =
				run.fn.getNodeParameter('searchMode', index, 'filters') === 'json'
					? jsonParse<IDataObject>(String(run.fn.getNodeParameter('searchJson', index, '{}')))
					: filtersFromForm(run, index);
		} catch (error) {
			run.out.fail(index, {
				message: `Search body is not valid JSON: ${(error as Error).message}`,
				category: 'INVALID_INPUT',
			});
			continue;
		}
		if (properties.length) body.properties = properties;
		const returnAll = run.fn.getNodeParameter('returnAll', index, false) as boolean;
		const limit = returnAll ? undefined : (run.fn.getNodeParameter('limit', index, 50) as number);
		try {
			for (const record of await searchAll(run.client, run.objectType, body, limit))
				run.out.succeed(index, record);
		} catch (error) {
			const failure = toFailure(error);
			run.out.fail(index, failure);
		}
	}
}

// List records page by page until the limit (or the end with Return All).
import type { INodeProperties } from 'n8n-workflow';
import { listRecords } from '../../api/records';
import { limitFields } from '../common/fields.description';
import { propertiesToReturn } from '../common/returnedProperties';
import type { Run } from '../common/run';

export const description: INodeProperties[] = [...limitFields];

export async function execute(run: Run): Promise<void> {
	const properties = propertiesToReturn(run);
	for (let index = 0; index < run.items.length; index++) {
		const returnAll = run.fn.getNodeParameter('returnAll', index, false) as boolean;
		const limit = returnAll ? undefined : (run.fn.getNodeParameter('limit', index, 50) as number);
		try {
			for await (const record of listRecords(run.client, run.objectType, properties, limit))
				run.out.succeed(index, record);
		} catch (error) {
			run.out.failCall([index], error);
		}
	}
}

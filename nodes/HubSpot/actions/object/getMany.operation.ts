// List records, following `paging.next.after` until the limit (or the end with Return All).
import type { IDataObject } from 'n8n-workflow';
import type { Run } from '../../helpers/run';
import { toFailure } from '../../transport/failure';
import { propertiesToReturn } from './returnedProperties';

const PAGE = 100;

export async function getMany(run: Run): Promise<void> {
	const properties = propertiesToReturn(run);
	for (let index = 0; index < run.items.length; index++) {
		const returnAll = run.fn.getNodeParameter('returnAll', index, false) as boolean;
		const limit = returnAll ? Infinity : (run.fn.getNodeParameter('limit', index, 50) as number);
		let after: string | undefined;
		let count = 0;
		try {
			do {
				const { body } = await run.client.request<{
					results?: IDataObject[];
					paging?: { next?: { after?: string } };
				}>({
					method: 'GET',
					path: `/crm/v3/objects/${encodeURIComponent(run.objectType)}`,
					qs: {
						limit: Math.min(PAGE, limit - count),
						...(after ? { after } : {}),
						...(properties.length ? { properties: properties.join(',') } : {}),
					},
				});
				for (const record of body.results ?? [])
					if (count++ < limit) run.out.succeed(index, record);
				after = body.paging?.next?.after;
			} while (after && count < limit);
		} catch (error) {
			const failure = toFailure(error);
			run.out.fail(index, failure);
		}
	}
}

// List a record's associations to another object type (v4), with their labels, all pages.
import type { IDataObject } from 'n8n-workflow';
import type { Run } from '../../helpers/run';
import { toFailure } from '../../transport/failure';

export async function list(run: Run): Promise<void> {
	for (let index = 0; index < run.items.length; index++) {
		const fromType = String(run.fn.getNodeParameter('fromObjectType', index));
		const toType = String(run.fn.getNodeParameter('toObjectType', index));
		const fromId = String(run.fn.getNodeParameter('fromId', index) ?? '').trim();
		let after: string | undefined;
		try {
			do {
				const { body } = await run.client.request<{
					results?: IDataObject[];
					paging?: { next?: { after?: string } };
				}>({
					method: 'GET',
					path: `/crm/v4/objects/${encodeURIComponent(fromType)}/${encodeURIComponent(fromId)}/associations/${encodeURIComponent(toType)}`,
					qs: { limit: 500, ...(after ? { after } : {}) },
				});
				for (const association of body.results ?? [])
					run.out.succeed(index, { fromId, fromType, toType, ...association });
				after = body.paging?.next?.after;
			} while (after);
		} catch (error) {
			const failure = toFailure(error);
			run.out.fail(index, failure);
		}
	}
}

// List a record's associations to another object type (v4), with their labels, all pages.
import type { INodeProperties } from 'n8n-workflow';
import { listAssociations } from '../../api/associations';
import type { Run } from '../common/run';
import { pairFields } from './pairs';

export const description: INodeProperties[] = pairFields(false);

export async function execute(run: Run): Promise<void> {
	for (let index = 0; index < run.items.length; index++) {
		const fromType = String(run.fn.getNodeParameter('fromObjectType', index));
		const toType = String(run.fn.getNodeParameter('toObjectType', index));
		const fromId = String(run.fn.getNodeParameter('fromId', index) ?? '').trim();
		try {
			for await (const association of listAssociations(run.client, fromType, fromId, toType))
				run.out.succeed(index, { fromId, fromType, toType, ...association });
		} catch (error) {
			run.out.failCall([index], error);
		}
	}
}

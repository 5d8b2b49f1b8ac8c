// One output item per property of the object type, for each input item.
import type { INodeProperties } from 'n8n-workflow';
import { listProperties } from '../../api/properties';
import type { Run } from '../common/run';

export const description: INodeProperties[] = [];

export async function execute(run: Run): Promise<void> {
	for (let index = 0; index < run.items.length; index++) {
		try {
			for (const property of await listProperties(run.client, run.objectType))
				run.out.succeed(index, property);
		} catch (error) {
			run.out.failCall([index], error);
		}
	}
}

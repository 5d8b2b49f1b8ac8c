import type { Run } from '../../helpers/run';
import { listProperties } from '../../crm/properties';
import { toFailure } from '../../transport/failure';

/** One output item per property of the object type, for each input item. */
export async function list(run: Run): Promise<void> {
	for (let index = 0; index < run.items.length; index++) {
		try {
			for (const property of await listProperties(run.client, run.objectType))
				run.out.succeed(index, property);
		} catch (error) {
			const failure = toFailure(error);
			run.out.fail(index, failure);
		}
	}
}

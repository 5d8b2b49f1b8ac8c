// Creates the company property that unique-key mode upserts on: a text property with unique values
// (HubSpot fixes hasUniqueValue at creation, so an existing non-unique property cannot be reused).
import type { Run } from '../../helpers/run';
import { createProperty } from '../property/create.operation';

export async function createKeyProperty(run: Run): Promise<void> {
	if (!run.items.length) return;
	const name = run.fn.getNodeParameter('keyProperty', 0) as string;
	await createProperty(run, 0, {
		name,
		label: 'Domain Key (Normalized)',
		description:
			'Registrable domain, normalized by n8n-nodes-revops; unique, so concurrent upserts cannot duplicate a company',
		type: 'string',
		fieldType: 'text',
		groupName: 'companyinformation',
		hasUniqueValue: true,
	});
}

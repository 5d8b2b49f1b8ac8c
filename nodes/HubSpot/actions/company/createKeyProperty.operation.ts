// Creates the company property that unique-key mode upserts on: a text property with unique values
// (HubSpot fixes hasUniqueValue at creation, so an existing non-unique property cannot be reused).
import type { INodeProperties } from 'n8n-workflow';
import type { Run } from '../common/run';
import { createProperty } from '../property/create.operation';

export const keyPropertyField: INodeProperties = {
	displayName: 'Domain Key Property',
	name: 'keyProperty',
	type: 'string',
	required: true,
	default: 'revops_domain_key',
	description:
		'Internal name of the unique company property (create it with the Create Domain Key Property operation)',
};

export const description: INodeProperties[] = [keyPropertyField];

export async function execute(run: Run): Promise<void> {
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

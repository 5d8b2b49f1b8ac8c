// Create associations in batches (v4): default ones with associate/default, labelled ones with
// batch create and the label's category and type id.
import type { INodeProperties } from 'n8n-workflow';
import { associate, pairKey } from '../../api/associations';
import type { Run } from '../common/run';
import { groupPairs, pairFields, pairJson, readPairs } from './pairs';

export const description: INodeProperties[] = [
	...pairFields(true),
	{
		displayName: 'Association Type',
		name: 'associationKind',
		type: 'options',
		options: [
			{
				name: 'Default',
				value: 'default',
				description: "HubSpot's primary association between the two types",
			},
			{
				name: 'Labelled',
				value: 'labelled',
				description: 'A specific association type ID (label)',
			},
		],
		default: 'default',
	},
	{
		displayName: 'Association Category',
		name: 'associationCategory',
		type: 'options',
		options: [
			{ name: 'HubSpot Defined', value: 'HUBSPOT_DEFINED' },
			{ name: 'User Defined', value: 'USER_DEFINED' },
			{ name: 'Integrator Defined', value: 'INTEGRATOR_DEFINED' },
		],
		default: 'HUBSPOT_DEFINED',
		displayOptions: { show: { associationKind: ['labelled'] } },
	},
	{
		displayName: 'Association Type ID',
		name: 'associationTypeId',
		type: 'number',
		default: 279,
		displayOptions: { show: { associationKind: ['labelled'] } },
		description:
			'E.g. 279 contact → company, 280 company → contact, 1 primary company of a contact.',
	},
];

export async function execute(run: Run): Promise<void> {
	for (const rows of groupPairs(readPairs(run))) {
		const { fromType, toType, label } = rows[0].value;
		if (run.options.dryRun) {
			for (const { index, value } of rows)
				run.out.succeed(index, pairJson('wouldAssociate', value));
			continue;
		}
		let outcome;
		try {
			outcome = await associate(
				run.client,
				fromType,
				toType,
				rows.map((row) => row.value),
				label,
				run.options.batchSize,
			);
		} catch (error) {
			run.out.failCall(
				rows.map((row) => row.index),
				error,
			);
			continue;
		}
		for (const { index, value } of rows) {
			const failure = outcome.failures.get(pairKey(value.fromId, value.toId));
			if (failure) run.out.fail(index, failure);
			else run.out.succeed(index, pairJson('associated', value));
		}
	}
}

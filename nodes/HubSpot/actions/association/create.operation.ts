// Create associations in batches (v4): default ones with associate/default, labelled ones with
// batch create and the label's category and type id (version 2: a label picked by name from the
// labels between the two types; version 1: category and type id typed in).
import type { INodeProperties } from 'n8n-workflow';
import { associate, pairKey } from '../../api/associations';
import { VERSION_1, VERSION_2_ON } from '../common/fields.description';
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
				description: "HubSpot's unlabeled association between the two types",
			},
			{
				name: 'Labelled',
				value: 'labelled',
				description:
					'An association with a label, e.g. Primary (company) or one defined in your portal',
			},
		],
		default: 'default',
		description: 'Which association to create between each pair of records',
	},
	{
		displayName: 'Association Label Name or ID',
		name: 'associationLabel',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getAssociationLabels',
			loadOptionsDependsOn: ['fromObjectType', 'toObjectType'],
		},
		required: true,
		default: '',
		displayOptions: { show: { associationKind: ['labelled'], ...VERSION_2_ON } },
		description:
			'The label, from those HubSpot has between the two object types; as an expression, category and type ID, e.g. HUBSPOT_DEFINED:1 (the primary company of a contact). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
		displayOptions: { show: { associationKind: ['labelled'], ...VERSION_1 } },
		description:
			"Who defined the label: HubSpot's own labels, or labels created in your portal or by an app",
	},
	{
		displayName: 'Association Type ID',
		name: 'associationTypeId',
		type: 'number',
		default: 279,
		displayOptions: { show: { associationKind: ['labelled'], ...VERSION_1 } },
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

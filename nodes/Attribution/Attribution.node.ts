import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import {
	attribute,
	type AggregateBy,
	type AttributionResult,
	type ContactCredits,
} from '../shared/attribution/attribute';
import {
	journeysFromContactItems,
	journeysFromTouchpointItems,
	type AttributionError,
} from '../shared/attribution/journeys';
import { checkModel } from '../shared/attribution/models';
import { failItem, pairedWith } from '../glue/items';
import { readParameters, type AttributionParameters } from './parameters';
import { properties } from './description';

/** Label of the aggregate row for conversions that had no touch to credit. */
const NO_TOUCHPOINT = '(no touchpoint)';

function configProblem({ input, fields, model }: AttributionParameters): string | undefined {
	if (!fields.timestamp)
		return 'Set the Timestamp Field: the field of each touchpoint with the date it happened';
	if (!fields.channel)
		return 'Set the Channel Field: the field of each touchpoint with its channel';
	if (input === 'touchpointItems' && !fields.contact) {
		return 'Set the Contact Field: with one item per touchpoint it groups the touches into journeys (e.g. email)';
	}
	return checkModel(model);
}

function contactItem({ indexes, touches, ...contact }: ContactCredits): INodeExecutionData {
	const json = {
		...contact,
		touches: touches.map(({ index, ...touch }) => ({ item: index, ...touch })),
	};
	return { json: json as unknown as IDataObject, pairedItem: pairedWith(indexes) };
}

function aggregateItems(result: AttributionResult, by: AggregateBy): INodeExecutionData[] {
	const rows = result.aggregate.map(({ indexes, ...row }) => ({
		json: row as IDataObject,
		pairedItem: pairedWith(indexes),
	}));
	const { conversions, value, indexes } = result.unattributed;
	if (conversions > 0) {
		const label = {
			...(by === 'campaign' ? {} : { channel: NO_TOUCHPOINT }),
			...(by === 'channel' ? {} : { campaign: NO_TOUCHPOINT }),
		};
		rows.push({
			json: { ...label, conversions, value, touches: 0, contacts: conversions },
			pairedItem: pairedWith(indexes),
		});
	}
	return rows;
}

/** One error per item, the first found; an item fails once even when several of its values are bad. */
function firstErrorPerItem(errors: readonly AttributionError[]): AttributionError[] {
	const byItem = new Map<number, AttributionError>();
	for (const error of errors) if (!byItem.has(error.index)) byItem.set(error.index, error);
	return Array.from(byItem.values()).sort((a, b) => a.index - b.index);
}

export class Attribution implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Attribution',
		name: 'attribution',
		icon: { light: 'file:attribution.svg', dark: 'file:attribution.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ {firstTouch: "first touch", lastTouch: "last touch", linear: "linear", positionBased: "position-based", uShaped: "U-shaped", wShaped: "W-shaped", fullPath: "full path", timeDecay: "time decay", custom: "custom weights"}[$parameter.model] }}',
		description:
			'Credit conversions to touchpoints (first/last touch, linear, position-based, U/W-shaped, time decay, custom) per contact and per channel or campaign',
		defaults: { name: 'Attribution' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Contacts', 'Aggregate'],
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const settings = readParameters(this);
		const problem = configProblem(settings);
		if (problem) throw new NodeOperationError(this.getNode(), problem);

		const records = this.getInputData().map((item) => item.json);
		const read =
			settings.input === 'contactItems' ? journeysFromContactItems : journeysFromTouchpointItems;
		const { journeys, errors } = read(records, settings.fields);
		const result = attribute(journeys, settings.model, {
			aggregateBy: settings.aggregateBy,
			stageFields: { lead: settings.fields.leadCreatedTime, deal: settings.fields.dealCreatedTime },
		});
		const failed = firstErrorPerItem([...errors, ...result.errors]).map((error) =>
			failItem(this, error.index, error.message),
		);
		return [
			[...result.contacts.map(contactItem), ...failed],
			aggregateItems(result, settings.aggregateBy),
		];
	}
}

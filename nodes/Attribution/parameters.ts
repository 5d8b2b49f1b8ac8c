import type { IExecuteFunctions } from 'n8n-workflow';
import type { AggregateBy } from '../shared/attribution/attribute';
import type { JourneyFields } from '../shared/attribution/journeys';
import type { AttributionModel, ModelType } from '../shared/attribution/models';

export type InputShape = 'touchpointItems' | 'contactItems';

export interface AttributionParameters {
	input: InputShape;
	fields: JourneyFields;
	model: AttributionModel;
	aggregateBy: AggregateBy;
}

/** The node's parameters (read once, for the whole input) → the pure attribution settings. */
export function readParameters(context: IExecuteFunctions): AttributionParameters {
	const text = (name: string, fallback = '') =>
		String(context.getNodeParameter(name, 0, fallback) ?? '').trim();
	const number = (name: string, fallback: number) =>
		Number(context.getNodeParameter(name, 0, fallback));
	const optional = (name: string) => text(name) || undefined;
	const type = text('model', 'positionBased') as ModelType;
	let model: AttributionModel;
	if (type === 'timeDecay') model = { type, halfLifeHours: number('halfLifeHours', 168) };
	else if (type === 'custom') {
		model = {
			type,
			weights: {
				first: number('firstWeight', 40),
				lead: number('leadWeight', 0),
				deal: number('dealWeight', 0),
				last: number('lastWeight', 40),
				middle: number('middleWeight', 20),
			},
		};
	} else model = { type };
	const input = text('input', 'touchpointItems') as InputShape;
	return {
		input,
		model,
		aggregateBy: text('aggregateBy', 'channelAndCampaign') as AggregateBy,
		fields: {
			contact: optional('contactField'),
			touchpoints: input === 'contactItems' ? text('touchpointsField', 'touchpoints') : undefined,
			timestamp: text('timestampField', 'timestamp'),
			channel: text('channelField', 'channel'),
			campaign: optional('campaignField'),
			conversionTime: optional('conversionTimeField'),
			conversionValue: optional('conversionValueField'),
			leadCreatedTime: optional('leadCreatedField'),
			dealCreatedTime: optional('dealCreatedField'),
		},
	};
}

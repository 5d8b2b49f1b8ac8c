import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { failItem } from '../glue/items';
import { configProblems, scoreRecord, type ScoreConfig } from '../shared/scoring';
import { properties } from './description';
import { readParameters } from './parameters';

/**
 * Evaluated by the editor to draw the outputs, so it must stand alone (no imports) and agree
 * with tierOrder(): one output per tier, highest threshold first, fallback tier last.
 */
const configuredOutputs = (parameters: IDataObject) => {
	if (!parameters.splitByTier) return [{ type: 'main' }];
	const tiers = (((parameters.tiers as IDataObject) || {}).tier as IDataObject[]) || [];
	const names = tiers
		.slice()
		.sort((a, b) => Number(b.min) - Number(a.min))
		.map((t) => String(t.name));
	names.push(String(parameters.fallbackTier || 'cold'));
	return names.map((name) => ({ type: 'main', displayName: name }));
};

/** Output order when splitting by tier: highest threshold first, the fallback tier last. */
function tierOrder(config: Pick<ScoreConfig, 'tiers' | 'fallbackTier'>): string[] {
	return [...config.tiers]
		.sort((a, b) => b.min - a.min)
		.map((t) => t.name)
		.concat(config.fallbackTier);
}

export class SignalScore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Signal Score',
		name: 'signalScore',
		icon: { light: 'file:signalScore.svg', dark: 'file:signalScore.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter.splitByTier ? "split by tier" : "score"}}',
		description:
			'Weighted 0–100 score from intent, fit and other signals, with tiers and an explanation',
		defaults: { name: 'Signal Score' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter)}}`,
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const parameters = readParameters(this);
		const { config, scoreField, tierField, explanationField, splitByTier } = parameters;
		const problems = configProblems(config);
		if (problems.length) {
			throw new NodeOperationError(this.getNode(), problems[0], {
				description: problems.join('\n'),
			});
		}

		const order = tierOrder(config);
		const outputs: INodeExecutionData[][] = splitByTier ? order.map(() => []) : [[]];
		const now = Date.now();

		for (let i = 0; i < items.length; i++) {
			const result = scoreRecord(items[i].json, config, now);
			if (!result.ok) {
				outputs[0].push(failItem(this, i, result.message));
				continue;
			}
			const json: IDataObject = {
				...items[i].json,
				[scoreField]: result.score,
				[tierField]: result.tier,
			};
			if (explanationField) json[explanationField] = result.explanation as unknown as IDataObject[];
			outputs[splitByTier ? order.indexOf(result.tier) : 0].push({ json, pairedItem: { item: i } });
		}
		return outputs;
	}
}

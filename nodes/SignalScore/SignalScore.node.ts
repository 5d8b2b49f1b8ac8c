import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { failItem } from '../items/failItem';
import { configProblems, scoreRecord, type ScoreConfig } from '../shared/scoring';
import { componentFromParameters, tierOrder, tiersFromParameters } from './config';
import { properties } from './description';

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
		const node = this.getNode();
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const components =
			((this.getNodeParameter('components', 0, {}) as IDataObject).component as IDataObject[]) ??
			[];
		const config: ScoreConfig = {
			components: components.map((c, index) => componentFromParameters(node, c, index)),
			tiers: tiersFromParameters(
				((this.getNodeParameter('tiers', 0, {}) as IDataObject).tier as IDataObject[]) ?? [],
			),
			fallbackTier: (this.getNodeParameter('fallbackTier', 0, 'cold') as string) || 'cold',
			decimals: Number(options.decimals ?? 1),
		};
		const problems = configProblems(config);
		if (problems.length)
			throw new NodeOperationError(node, problems[0], { description: problems.join('\n') });

		const scoreField = (options.scoreField as string) || 'signal_score';
		const tierField = (options.tierField as string) || 'signal_tier';
		const explain = options.explain !== false;
		const explanationField = (options.explanationField as string) || 'signal_explanation';
		const split = this.getNodeParameter('splitByTier', 0, false) as boolean;
		const order = tierOrder(config);
		const outputs: INodeExecutionData[][] = split ? order.map(() => []) : [[]];
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
			if (explain) json[explanationField] = result.explanation as unknown as IDataObject[];
			outputs[split ? order.indexOf(result.tier) : 0].push({ json, pairedItem: { item: i } });
		}
		return outputs;
	}
}

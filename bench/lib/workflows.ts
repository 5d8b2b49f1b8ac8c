// Benchmark workflow: Webhook → Generate rows (Code) → our node and its built-in anchor, side by
// side on the same input in one execution, so n8n's per-node executionTime compares them directly.
import type { WorkflowJson } from '../../dev/harness';
import { GENERATE_ROWS_JS } from './rows';

export interface BenchNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
}

export function sideBySide(
	name: string,
	path: string,
	ours: BenchNode,
	anchor: BenchNode,
): WorkflowJson {
	return {
		name,
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `bench-${path}`, // the harness swaps in a stable UUID
				parameters: {
					httpMethod: 'POST',
					path,
					responseMode: 'lastNode',
					responseData: 'noData',
					options: {},
				},
			},
			{
				name: 'Generate rows',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: {
					mode: 'runOnceForAllItems',
					language: 'javaScript',
					jsCode: GENERATE_ROWS_JS,
				},
			},
			{ ...ours, position: [400, -100] },
			{ ...anchor, position: [400, 100] },
		],
		connections: {
			Webhook: { main: [[{ node: 'Generate rows', type: 'main', index: 0 }]] },
			'Generate rows': {
				main: [
					[
						{ node: ours.name, type: 'main', index: 0 },
						{ node: anchor.name, type: 'main', index: 0 },
					],
				],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}

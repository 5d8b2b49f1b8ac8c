// Webhook → Signal Score (default intent × 0.4 + fit × 0.6 over the request body), answering with the
// scored item: the smallest workflow that proves a node from the package runs in a published workflow.
import type { WorkflowJson } from '../../../dev/harness';

export function scoreWorkflow(name: string, path: string): WorkflowJson {
	return {
		name,
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				parameters: {
					httpMethod: 'POST',
					path,
					responseMode: 'lastNode',
					options: {},
				},
				// the harness swaps in a stable UUID
				webhookId: `score-${path}`,
			},
			{
				name: 'Signal Score',
				type: 'n8n-nodes-revops.signalScore',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					components: {
						component: [
							{
								field: 'body.intent',
								label: 'Intent',
								weight: 0.4,
								normalization: 'percent',
								missing: 'skip',
							},
							{
								field: 'body.fit',
								label: 'Fit',
								weight: 0.6,
								normalization: 'percent',
								missing: 'skip',
							},
						],
					},
				},
			},
		],
		connections: { Webhook: { main: [[{ node: 'Signal Score', type: 'main', index: 0 }]] } },
	};
}

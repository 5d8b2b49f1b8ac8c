// Runs a published benchmark workflow through its webhook and reads back, from n8n's saved
// execution, how long each node took (n8n's own `executionTime`) and the memory during it.
import type { N8nInstance } from '../../dev/harness';
import { peakIn, sampleGroupMemory } from './groupMemory';

export interface NodeTiming {
	node: string;
	ms: number;
	items: number;
	peakRss: number;
	rssRise: number;
}

interface RunData {
	[node: string]: Array<{
		startTime: number;
		executionTime: number;
		data?: { main?: Array<unknown[] | null> };
	}>;
}

export async function runTimed(
	n8n: N8nInstance,
	workflowName: string,
	webhookPath: string,
	body: unknown,
	nodes: string[],
): Promise<NodeTiming[]> {
	const memory = sampleGroupMemory(n8n.pid);
	const response = await fetch(n8n.webhookUrl(webhookPath), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const samples = memory.stop();
	if (!response.ok)
		throw new Error(
			`${workflowName}: webhook answered ${response.status}: ${await response.text()}`,
		);
	const id = n8n.workflowIds[workflowName];
	const list = await n8n.api<{ data: Array<{ id: string }> }>(
		'GET',
		`/executions?workflowId=${id}&limit=1`,
	);
	const execution = await n8n.api<{
		data: {
			resultData: { runData: RunData; error?: { message: string }; lastNodeExecuted?: string };
		};
	}>(
		'GET',
		`/executions/${list.data[0].id}?includeData=true&ignoreDataSizeLimit=true`, // 100k-item runs exceed the display limit
	);
	const runData = execution.data.resultData.runData;
	return nodes.map((node) => {
		const run = runData[node]?.[0];
		if (!run) {
			const { error, lastNodeExecuted } = execution.data.resultData;
			throw new Error(
				`${workflowName}: node "${node}" did not run (last node ${lastNodeExecuted}: ${error?.message ?? 'no error'})`,
			);
		}
		const items = (run.data?.main ?? []).reduce((sum, out) => sum + (out?.length ?? 0), 0);
		const { peak, rise } = peakIn(samples, run.startTime, run.startTime + run.executionTime);
		return { node, ms: run.executionTime, items, peakRss: peak, rssRise: rise };
	});
}

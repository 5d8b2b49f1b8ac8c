// Benchmark workflow: Webhook → Generate rows (Code) → our node and its built-in anchor, side by
// side on the same input in one execution, so n8n's per-node executionTime compares them directly.
import { createHash } from 'node:crypto';
import type { WorkflowJson } from '../../scripts/harness';
import { GENERATE_ROWS_JS } from './rows';

export interface BenchNode {
  name: string;
  type: string;
  typeVersion: number;
  parameters: Record<string, unknown>;
}

/** n8n expects webhook ids to be UUIDs; a stable one per path keeps reruns identical. */
function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function sideBySide(name: string, path: string, ours: BenchNode, anchor: BenchNode): WorkflowJson {
  return {
    name,
    nodes: [
      {
        name: 'Webhook',
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, 0],
        webhookId: uuidFrom(path),
        parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'noData', options: {} },
      },
      {
        name: 'Generate rows',
        type: 'n8n-nodes-base.code',
        typeVersion: 2,
        position: [200, 0],
        parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: GENERATE_ROWS_JS },
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

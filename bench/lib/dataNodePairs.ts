// The issue 4 pairs: our node and the built-in node a user would otherwise reach for, set up to do
// the same job on the same rows.
import type { BenchNode } from './workflows';

export interface Pair {
  title: string;
  path: string;
  ours: BenchNode;
  anchor: BenchNode;
  target: string;
  note: string;
}

export const pairs: Pair[] = [
  {
    title: 'Signal Score',
    path: 'bench-score',
    target: '≥ 1.0×',
    note: 'default intent × 0.4 + fit × 0.6 with tiers and explanation, vs a Set node assigning `{{ $json.intent * 0.4 + $json.fit * 0.6 }}` (no tiers, no explanation).',
    ours: {
      name: 'Signal Score',
      type: 'n8n-nodes-revops.signalScore',
      typeVersion: 1,
      parameters: {},
    },
    anchor: {
      name: 'Set (expression)',
      type: 'n8n-nodes-base.set',
      typeVersion: 3.4,
      parameters: {
        mode: 'manual',
        includeOtherFields: true,
        assignments: {
          assignments: [
            { id: 'score', name: 'signal_score', type: 'number', value: '={{ $json.intent * 0.4 + $json.fit * 0.6 }}' },
          ],
        },
        options: {},
      },
    },
  },
];

// The issue 4 pairs: our node and the built-in node a user would otherwise reach for, set up to do
// the same job on the same rows.
import type { BenchNode } from './workflows';

/** What a user writes today in a Code node for "first 40, last 40, middle 20", with the aggregate. */
const POSITION_BASED_JS = `
const journeys = new Map();
for (const item of $input.all()) {
  const t = item.json;
  if (Date.parse(t.touched_at) > Date.parse(t.converted_at)) continue;
  if (!journeys.has(t.contact_id)) journeys.set(t.contact_id, []);
  journeys.get(t.contact_id).push(t);
}
const aggregate = new Map();
const out = [];
for (const [contact, touches] of journeys) {
  touches.sort((a, b) => Date.parse(a.touched_at) - Date.parse(b.touched_at));
  const n = touches.length;
  const value = touches[0].deal_value;
  const credits = touches.map((t, i) => {
    const credit = n === 1 ? 1 : n === 2 ? 0.5 : i === 0 || i === n - 1 ? 0.4 : 0.2 / (n - 2);
    const key = t.channel + '|' + t.campaign;
    const row = aggregate.get(key) || { channel: t.channel, campaign: t.campaign, conversions: 0, value: 0 };
    row.conversions += credit;
    row.value += credit * value;
    aggregate.set(key, row);
    return { channel: t.channel, campaign: t.campaign, touched_at: t.touched_at, credit, value: credit * value };
  });
  out.push({ json: { contact, credits } });
}
for (const row of aggregate.values()) out.push({ json: row });
return out;
`;

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
		note: 'default intent × 0.4 + fit × 0.6 with tiers and explanation, vs a Set node assigning `{{ $json.intent * 0.4 + $json.fit * 0.6 }}` (no tiers, no explanation). The gap is n8n’s expression evaluation (about 0.6 ms per item on n8n 2.41.1’s default expression engine), which a node computing in code does not pay.',
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
						{
							id: 'score',
							name: 'signal_score',
							type: 'number',
							value: '={{ $json.intent * 0.4 + $json.fit * 0.6 }}',
						},
					],
				},
				options: {},
			},
		},
	},
	{
		title: 'Dedupe',
		path: 'bench-dedupe',
		target: '≥ 1.0×',
		note: 'our Dedupe keyed on the registrable domain parsed from `website` (URLs, upper case, ports and `www.` in four shapes), keeping the most recent by `updated_at`, with a Duplicates output, vs the built-in Remove Duplicates comparing the already-clean `domain` field exactly (keeps the first).',
		ours: {
			name: 'Dedupe',
			type: 'n8n-nodes-revops.dedupe',
			typeVersion: 1,
			parameters: {
				keys: { key: [{ kind: 'domain', fields: 'website' }] },
				keep: 'mostRecent',
				dateField: 'updated_at',
			},
		},
		anchor: {
			name: 'Remove Duplicates',
			type: 'n8n-nodes-base.removeDuplicates',
			typeVersion: 2,
			parameters: {
				operation: 'removeDuplicateInputItems',
				compare: 'selectedFields',
				fieldsToCompare: 'domain',
				options: {},
			},
		},
	},
	{
		title: 'Attribution',
		path: 'bench-attribution',
		target: '≥ 1.0×',
		note: 'position-based (40/20/40) over 20,000 five-touch journeys, per-contact credits plus the per channel/campaign aggregate, vs a Code node computing the same model and aggregate in JavaScript.',
		ours: {
			name: 'Attribution',
			type: 'n8n-nodes-revops.attribution',
			typeVersion: 1,
			parameters: {
				input: 'touchpointItems',
				contactField: 'contact_id',
				timestampField: 'touched_at',
				channelField: 'channel',
				campaignField: 'campaign',
				model: 'positionBased',
				conversionTimeField: 'converted_at',
				conversionValueField: 'deal_value',
			},
		},
		anchor: {
			name: 'Code (position-based)',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: POSITION_BASED_JS },
		},
	},
];

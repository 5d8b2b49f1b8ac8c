// Signal Score run by n8n's engine: what a user sees on each output.
import { SignalScore } from '../../../nodes/SignalScore/SignalScore.node';
import { executeNode } from '../helpers/executeNode';

const node = new SignalScore();
const leads = [
	{ email: 'a@acme.com', intent: 90, fit: 90 },
	{ email: 'b@globex.com', intent: 90, fit: 70 },
	{ email: 'c@initech.com', intent: 10, fit: 20 },
];

describe('Signal Score node', () => {
	test('default settings: intent × 0.4 + fit × 0.6, tier and explanation added, each item paired with its input', async () => {
		const run = await executeNode({ node, items: leads });
		expect(run.error).toBeUndefined();
		expect(run.outputs).toHaveLength(1);
		expect(
			run.outputs[0].map((item) => [
				item.json.signal_score,
				item.json.signal_tier,
				item.pairedItem,
			]),
		).toEqual([
			[90, 'hot', { item: 0 }],
			[78, 'warm', { item: 1 }],
			[16, 'cold', { item: 2 }],
		]);
		expect(run.outputs[0][1].json).toMatchObject({
			email: 'b@globex.com',
			signal_explanation: [
				{ label: 'Intent', value: 90, contribution: 36 },
				{ label: 'Fit', value: 70, contribution: 42 },
			],
		});
	});

	test('one output per tier, highest first, the fallback tier last', async () => {
		const run = await executeNode({ node, items: leads, parameters: { splitByTier: true } });
		expect(run.outputs.map((output) => output.map((item) => item.json.email))).toEqual([
			['a@acme.com'],
			['b@globex.com'],
			['c@initech.com'],
		]);
		expect(run.outputs[2][0].pairedItem).toEqual({ item: 2 });
	});

	const badLeads = [leads[0], { email: 'x@bad.com', intent: 'very high', fit: 50 }, leads[1]];

	test('a bad value stops the run with an error naming the field and the item', async () => {
		const run = await executeNode({ node, items: badLeads });
		expect(run.outputs).toEqual([]);
		expect(run.error?.message).toMatch(/Field "intent" .*\(item 1\)$/);
		expect(run.error?.context?.itemIndex).toBe(1);
	});

	test('continue on fail: only the bad item carries the error; the others are scored', async () => {
		const run = await executeNode({ node, items: badLeads, onError: 'continueRegularOutput' });
		expect(run.outputs[0].map((item) => item.json.signal_score ?? item.json.error)).toEqual([
			90,
			expect.stringMatching(/^Field "intent".*\(item 1\)$/),
			78,
		]);
		expect(run.outputs[0][1]).toEqual({
			json: { email: 'x@bad.com', intent: 'very high', fit: 50, error: expect.any(String) },
			pairedItem: { item: 1 },
		});
	});

	test('error output: the bad item goes there with its fields and the error', async () => {
		const run = await executeNode({ node, items: badLeads, onError: 'continueErrorOutput' });
		expect(run.outputs).toHaveLength(2);
		expect(run.outputs[0].map((item) => item.json.email)).toEqual(['a@acme.com', 'b@globex.com']);
		expect(run.outputs[1]).toEqual([
			{
				json: {
					email: 'x@bad.com',
					intent: 'very high',
					fit: 50,
					error: expect.stringMatching(/intent.*item 1/),
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	test('weights summing to 0 are reported before any item is scored', async () => {
		const run = await executeNode({
			node,
			items: leads,
			parameters: { components: { component: [{ field: 'intent', weight: 0 }] } },
			onError: 'continueRegularOutput',
		});
		expect(run.error?.message).toBe(
			'Component weights sum to 0: give at least one a weight above 0',
		);
	});

	test('is usable as an AI tool', () => {
		expect(node.description.usableAsTool).toBe(true);
	});
});

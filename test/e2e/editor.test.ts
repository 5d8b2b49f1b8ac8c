// Every template of workflows/ opened in the real n8n editor, in headless Chromium (Debian's `chromium`,
// installed by dev/browser/install.sh when missing, driven by playwright-core): the demo stack (sandbox,
// warehouse, n8n with the package, the sandbox credentials and every template) as `npm start` runs it, the
// owner signs in through the form, and each template's canvas must show every node with its icon, no
// unknown-node placeholder, no "not installed" and no issues badge (a credential that did not link, a
// required parameter left empty), and every connection. The zoomed-to-fit canvas, 1440×900, is saved as
// workflows/screenshots/<slug>.png: the pictures in workflows/README.md. A negative control imports a
// workflow with an unknown node type and a node without credentials, and the same check must flag both.
// REVOPS_WORKFLOWS_DIR runs it on another folder of templates (screenshots go to its screenshots/).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureChromium } from '../../dev/browser';
import { startStack, type Stack } from '../../dev/stack/stack';
import { loadTemplates, WORKFLOWS_DIR, type TemplateFile } from '../../dev/stack/templates';
import type { WorkflowJson } from '../../dev/harness';
import { canvasProblems, openEditor, screenshotCanvas, type Editor } from './helpers/editor';

const templates = loadTemplates();
const SCREENSHOTS = path.join(WORKFLOWS_DIR, 'screenshots');

describe('templates in the n8n editor (headless Chromium)', () => {
	let stack: Stack;
	let browser: Browser;
	let editor: Editor;

	beforeAll(async () => {
		const executablePath = ensureChromium();
		const [started, launched] = await Promise.allSettled([
			startStack(),
			chromium.launch({ executablePath, args: ['--disable-dev-shm-usage'] }),
		]);
		if (started.status === 'fulfilled') stack = started.value;
		if (launched.status === 'fulfilled') browser = launched.value;
		if (started.status === 'rejected') throw started.reason;
		if (launched.status === 'rejected') throw launched.reason;
		editor = await openEditor(browser, stack.n8n.url);
	}, 600000);

	afterAll(async () => {
		await editor?.close();
		await browser?.close();
		await stack?.stop();
	}, 60000);

	test('workflows/ holds templates', () => {
		expect(templates.map((t) => t.slug)).not.toEqual([]);
	});

	// (jest refuses an empty table; the test above fails then.)
	(templates.length ? test.each : () => () => undefined)(
		templates.map((t): [string, TemplateFile] => [t.slug, t]),
	)(
		'%s: every node renders with its icon, no unknown-node placeholder, no issues',
		async (slug, template) => {
			const id = stack.n8n.workflowIds[template.workflow.name];
			expect(id).toBeDefined();
			const { page, report } = await editor.open(id, template.workflow);
			const problems = canvasProblems(template.workflow, report);
			// A broken canvas must not replace the README's picture: its screenshot goes to the temp folder.
			const file = problems.length
				? path.join(os.tmpdir(), `revops-editor-${slug}.png`)
				: path.join(SCREENSHOTS, `${slug}.png`);
			fs.mkdirSync(path.dirname(file), { recursive: true });
			await screenshotCanvas(page, file);
			if (problems.length) {
				problems.push(`screenshot: ${file}`);
				if (report.consoleErrors.length)
					problems.push(`browser console errors: ${report.consoleErrors.join(' | ')}`);
			}
			expect(problems).toEqual([]);
		},
		90000,
	);

	// The check above passes vacuously if n8n's editor stops marking such nodes the way it is read here. In its
	// own browser context (nothing cached), where the server refuses one icon of this package.
	test('negative control: an unknown node type, a node without credentials and a missing icon are flagged', async () => {
		const broken: WorkflowJson = {
			name: 'Editor check: negative control',
			nodes: [
				{
					id: 'a1f0c7d2-3b4e-4c5d-8e6f-708192a3b4c5',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'b2e1d8c3-4c5f-4d6e-9f70-8192a3b4c5d6',
					name: 'Not a real node',
					type: 'n8n-nodes-revops.notARealNode',
					typeVersion: 1,
					position: [220, 0],
					parameters: {},
				},
				{
					id: 'c3f2e9d4-5d60-4e7f-a081-92a3b4c5d6e7',
					name: 'Slack without credentials',
					type: 'n8n-nodes-base.slack',
					typeVersion: 2.3,
					position: [440, 0],
					parameters: {
						select: 'channel',
						channelId: { __rl: true, mode: 'name', value: '#revops-alerts' },
						text: 'hello',
					},
				},
				{
					id: 'd4a3f0e5-6e71-4f80-b192-a3b4c5d6e7f8',
					name: 'Score without icon',
					type: 'n8n-nodes-revops.signalScore',
					typeVersion: 1,
					position: [660, 0],
					parameters: {},
				},
			],
			connections: {
				Start: { main: [[{ node: 'Not a real node', type: 'main', index: 0 }]] },
				'Not a real node': {
					main: [[{ node: 'Slack without credentials', type: 'main', index: 0 }]],
				},
				'Slack without credentials': {
					main: [[{ node: 'Score without icon', type: 'main', index: 0 }]],
				},
			},
			settings: { executionOrder: 'v1' },
		};
		const { id } = await stack.n8n.api<{ id: string }>('POST', '/workflows', {
			name: broken.name,
			nodes: broken.nodes,
			connections: broken.connections,
			settings: broken.settings,
		});
		const control = await openEditor(browser, stack.n8n.url);
		try {
			await control.context.route('**/icons/n8n-nodes-revops/**/signalScore*.svg', (route) =>
				route.fulfill({ status: 404, body: 'not found' }),
			);
			const { report } = await control.open(id, broken);
			const problems = canvasProblems(broken, report);
			expect(problems).toEqual(
				expect.arrayContaining([
					expect.stringMatching(/"Not a real node".*"\?" placeholder/),
					expect.stringMatching(/"Not a real node".*is not installed/),
					expect.stringMatching(
						/"Slack without credentials".*issues badge: .*Credentials for Slack are not set/,
					),
					expect.stringMatching(/"Score without icon".*(did not load|placeholder)/),
					expect.stringMatching(/icon request failed: 404 .*signalScore/),
				]),
			);
			expect(problems.filter((p) => p.includes('"Start"'))).toEqual([]);
		} finally {
			await control.close();
		}
	}, 120000);
});

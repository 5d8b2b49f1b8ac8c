// The n8n editor in headless Chromium: sign in as the owner, open a workflow, and report what its canvas
// shows for each node — rendered or not, its icon (a loaded image or an inline SVG, or n8n's "?"
// placeholder for a type it does not know), and the status badges n8n puts on a node: "not installed"
// (unknown type), "issues" (missing credentials or parameters), "setup required" and warnings.
// Selectors are those of n8n 2.41.1's editor (n8n-editor-ui's canvas components); the browser test has a
// negative control that fails when they stop matching.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { OWNER } from '../../../dev/harness/rest';
import type { WorkflowJson } from '../../../dev/harness';

// The functions passed to page.evaluate run in the page; the project compiles without the DOM library.
declare const document: any;
declare const window: any;
declare const requestAnimationFrame: (callback: () => void) => number;

export const VIEWPORT = { width: 1440, height: 900 };
const STICKY = 'n8n-nodes-base.stickyNote';

/** A browser context signed in to n8n as the owner, through the sign-in form. */
export async function signIn(browser: Browser, baseUrl: string): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: VIEWPORT, baseURL: baseUrl });
	const page = await context.newPage();
	await page.goto('/signin');
	await page.fill('#emailOrLdapLoginId', OWNER.email);
	await page.fill('#password', OWNER.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
	await page.close();
	return context;
}

/** One node as the canvas shows it. */
export interface CanvasNode {
	name: string;
	type: string;
	/** 'image' (an <img> that loaded), 'svg' (an inline icon), 'placeholder' (n8n's "?"), 'broken' (an
	 * <img> that did not load) or 'none'. Sticky notes have no icon: 'none'. */
	icon: 'image' | 'svg' | 'placeholder' | 'broken' | 'none';
	iconSrc?: string;
	/** data-test-ids of the status badges on the node, e.g. node-issues, node-not-installed. */
	badges: string[];
	/** The badges' tooltips (n8n shows them on hover): the issue texts. */
	badgeText?: string;
}

export interface CanvasReport {
	nodes: CanvasNode[];
	/** Connections drawn (one per source output → target input). */
	edges: number;
	/** Icon requests the server refused (status ≥ 400). */
	failedIcons: string[];
	/** Browser console errors while the canvas loaded (for the failure message, not asserted). */
	consoleErrors: string[];
}

/** Source → target pairs of a workflow's connections, each drawn as one edge on the canvas. */
export function connectionCount(wf: WorkflowJson): number {
	let count = 0;
	for (const byType of Object.values(wf.connections) as Array<Record<string, unknown[][]>>) {
		for (const outputs of Object.values(byType)) {
			for (const targets of outputs ?? []) count += (targets ?? []).length;
		}
	}
	return count;
}

export interface Editor {
	/**
	 * Opens workflow `workflowId` on the canvas, waits until every node of `wf` is there with its icon
	 * loaded (or `timeoutMs` passes: what is missing is then reported, not thrown), and reads the canvas.
	 * The page stays on it (for a screenshot) until the next open().
	 */
	open(
		workflowId: string,
		wf: WorkflowJson,
		timeoutMs?: number,
	): Promise<{ page: Page; report: CanvasReport }>;
	/** The signed-in browser context (e.g. to route requests before the first open()). */
	context: BrowserContext;
	close(): Promise<void>;
}

/**
 * The editor, signed in as the owner. The first workflow loads the editor with its URL
 * (`/workflow/<id>`); the next ones are opened inside the running editor, through its router, as a user
 * going from one workflow to another does — loading n8n's editor bundle again for each costs ~10 s.
 */
export async function openEditor(browser: Browser, baseUrl: string): Promise<Editor> {
	const context = await signIn(browser, baseUrl);
	let page: Page | undefined;
	let failedIcons: string[] = [];
	let consoleErrors: string[] = [];
	const newPage = async () => {
		const p = await context.newPage();
		p.on('response', (r) => {
			const { pathname } = new URL(r.url());
			if (r.status() >= 400 && pathname.startsWith('/icons/'))
				failedIcons.push(`${r.status()} ${pathname}`);
		});
		p.on('console', (m) => {
			if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300));
		});
		// e.g. "leave this page?" when a canvas was left with changes: leave.
		p.on('dialog', (d) => void d.accept().catch(() => undefined));
		return p;
	};
	const routerPush = (p: Page, route: string) =>
		p.evaluate(
			(to: string) =>
				document.querySelector('#app').__vue_app__.config.globalProperties.$router.push(to),
			route,
		);

	return {
		context,
		async open(workflowId, wf, timeoutMs = 30000) {
			failedIcons = [];
			consoleErrors = [];
			const route = `/workflow/${workflowId}`;
			let inApp = false;
			if (page) {
				// Leave the previous canvas first, so nothing read below can be left over from it.
				try {
					await routerPush(page, '/home/workflows');
					await page.waitForFunction(
						() => document.querySelectorAll('div[data-node-name][data-node-type]').length === 0,
						undefined,
						{ timeout: 10000 },
					);
					await routerPush(page, route);
					inApp = true;
				} catch {
					// e.g. n8n asked whether to save changes: start over in a fresh page.
					await page.close();
					page = undefined;
				}
			}
			if (!inApp) {
				page = await newPage();
				await page.goto(route);
			}
			const names = wf.nodes.map((n) => n.name);
			const rendered = async (p: Page) => {
				await p.waitForSelector('[data-test-id=canvas-wrapper]', { timeout: timeoutMs });
				return await p
					.waitForFunction(
						(expected: string[]) => {
							const shown = new Set(
								[...document.querySelectorAll('div[data-node-name][data-node-type]')].map(
									(el: any) => el.getAttribute('data-node-name'),
								),
							);
							if (!expected.every((n) => shown.has(n))) return false;
							return [...document.querySelectorAll('.n8n-node-icon img')].every(
								(img: any) => img.complete,
							);
						},
						names,
						{ timeout: timeoutMs, polling: 100 },
					)
					.then(() => true)
					.catch(() => false); // reported below, node by node
			};
			// A big canvas can outlive the in-app navigation on a loaded machine (the previous workflow still
			// drawn under the new route): once, start over in a fresh page before reporting what is shown.
			if (!(await rendered(page!)) && inApp) {
				await page!.close();
				page = await newPage();
				await page.goto(route);
				await rendered(page);
			}
			const current = page!;
			// n8n puts the badges on as it renders the nodes; give the render two more frames.
			await current.evaluate(
				() =>
					new Promise<void>((resolve) =>
						requestAnimationFrame(() => requestAnimationFrame(resolve)),
					),
			);
			const { nodes, edges } = await readCanvas(current);
			await readBadgeTooltips(current, nodes);
			return {
				page: current,
				report: { nodes, edges, failedIcons, consoleErrors: [...consoleErrors] },
			};
		},
		async close() {
			await context.close();
		},
	};
}

async function readCanvas(page: Page): Promise<{ nodes: CanvasNode[]; edges: number }> {
	return await page.evaluate((sticky: string) => {
		const nodes = [...document.querySelectorAll('div[data-node-name][data-node-type]')].map(
			(el: any) => {
				const type = el.getAttribute('data-node-type') ?? '';
				const iconEl = el.querySelector('.n8n-node-icon');
				let icon: 'image' | 'svg' | 'placeholder' | 'broken' | 'none' = 'none';
				let iconSrc: string | undefined;
				const img = iconEl?.querySelector('img');
				const svg = iconEl?.querySelector('svg');
				if (iconEl?.querySelector('[class*=nodeIconPlaceholder]')) icon = 'placeholder';
				else if (img) {
					iconSrc = img.getAttribute('src') ?? '';
					icon = img.complete && img.naturalWidth > 0 ? 'image' : 'broken';
				} else if (svg && svg.childElementCount > 0) icon = 'svg';
				if (type === sticky) icon = 'none';
				const badges = [...el.querySelectorAll('[data-test-id]')]
					.map((b: any) => b.getAttribute('data-test-id') ?? '')
					.filter((id: string) =>
						/^(node-(issues|not-installed|setup-required|restricted)|canvas-node-status-warning)$/.test(
							id,
						),
					);
				const node: CanvasNode = {
					name: el.getAttribute('data-node-name') ?? '',
					type,
					icon,
					iconSrc,
					badges,
				};
				return node;
			},
		);
		const edges = document.querySelectorAll('.vue-flow__edge').length;
		return { nodes, edges };
	}, STICKY);
}

/** The badges' tooltips say what is wrong ("Credentials for Slack are not set."): hover to read them. */
async function readBadgeTooltips(page: Page, nodes: CanvasNode[]): Promise<void> {
	for (const node of nodes.filter((n) => n.badges.length)) {
		const badge = page
			.locator(`div[data-node-name=${JSON.stringify(node.name)}][data-node-type]`)
			.locator(node.badges.map((b) => `[data-test-id=${b}]`).join(','))
			.first();
		try {
			// The tooltip trigger (reka-ui) points at its content by aria-describedby once open.
			const trigger = badge.locator('[data-state]').first();
			await trigger.hover({ timeout: 3000 });
			const handle = await page.waitForFunction(
				(el: any) => {
					const id = el.getAttribute('aria-describedby');
					const content = id && document.getElementById(id);
					const wrapper = content?.closest('[data-reka-popper-content-wrapper]') ?? content;
					const lines = (wrapper?.innerText ?? '')
						.split('\n')
						.map((l: string) => l.trim())
						.filter((l: string, i: number, all: string[]) => l && all.indexOf(l) === i);
					return lines.length ? lines.join(' ') : false;
				},
				await trigger.elementHandle(),
				{ timeout: 3000, polling: 100 },
			);
			node.badgeText = (await handle.jsonValue()) as string;
		} catch {
			node.badgeText = '(no tooltip)';
		}
		await page.mouse.move(VIEWPORT.width - 10, VIEWPORT.height / 2);
	}
}

/** What is wrong with the canvas for this template; [] when every node renders cleanly. */
export function canvasProblems(wf: WorkflowJson, report: CanvasReport): string[] {
	const problems: string[] = [];
	for (const expected of wf.nodes) {
		const shown = report.nodes.find((n) => n.name === expected.name);
		const label = `node "${expected.name}" (${expected.type})`;
		if (!shown) {
			problems.push(`${label} is not on the canvas`);
			continue;
		}
		if (shown.type !== expected.type) problems.push(`${label} is shown as type ${shown.type}`);
		if (expected.type !== STICKY) {
			if (shown.icon === 'placeholder')
				problems.push(`${label} shows n8n's unknown-node "?" placeholder instead of its icon`);
			else if (shown.icon === 'broken')
				problems.push(`${label}: its icon ${shown.iconSrc} did not load`);
			else if (shown.icon === 'none') problems.push(`${label} has no icon`);
		}
		for (const badge of shown.badges) {
			const what =
				badge === 'node-not-installed'
					? 'is not installed (n8n does not know this node type)'
					: badge === 'node-issues'
						? 'shows the issues badge'
						: `shows the ${badge} badge`;
			problems.push(`${label} ${what}${shown.badgeText ? `: ${shown.badgeText}` : ''}`);
		}
	}
	for (const shown of report.nodes) {
		if (!wf.nodes.some((n) => n.name === shown.name))
			problems.push(
				`the canvas shows node "${shown.name}" (${shown.type}), which the template lacks`,
			);
	}
	const expectedEdges = connectionCount(wf);
	if (report.edges !== expectedEdges)
		problems.push(
			`the canvas draws ${report.edges} connection(s), the template has ${expectedEdges}`,
		);
	for (const icon of report.failedIcons) problems.push(`icon request failed: ${icon}`);
	return problems;
}

/** Zooms the canvas to fit, moves the pointer off the nodes and takes a 1440×900 screenshot. */
export async function screenshotCanvas(page: Page, file: string): Promise<void> {
	await page.click('[data-test-id=zoom-to-fit]');
	await page.mouse.move(VIEWPORT.width - 10, VIEWPORT.height / 2);
	// Zoom to fit animates the viewport; wait until its transform stops changing.
	await page.waitForFunction(
		() => {
			const vp = document.querySelector('.vue-flow__viewport');
			const w = window as { __lastTransform?: string; __stableFrames?: number };
			const t = vp?.style.transform ?? '';
			w.__stableFrames = t === w.__lastTransform ? (w.__stableFrames ?? 0) + 1 : 0;
			w.__lastTransform = t;
			return w.__stableFrames >= 5;
		},
		undefined,
		{ polling: 'raf', timeout: 10000 },
	);
	await page.screenshot({ path: file });
}

// `npm run demo` lists the templates' demos; `npm run demo -- <slug>` (or a unique part of it, e.g. `01` or
// `clay`) triggers that template once in the stack `npm start` is running — the same run() the template's e2e
// test uses — and prints what happened and where to look.
import { loadDemo, readState, remoteContext, STATE_FILE } from '../dev/stack/session';
import { inTemplate, loadTemplates } from '../dev/stack/templates';

function pick(arg: string, slugs: string[]): string {
	if (slugs.includes(arg)) return arg;
	const matches = slugs.filter((s) => s.startsWith(arg) || s.includes(arg));
	if (matches.length === 1) return matches[0];
	throw new Error(
		matches.length
			? `"${arg}" matches several templates: ${matches.join(', ')}`
			: `no template "${arg}"; run \`npm run demo\` for the list`,
	);
}

function list(): void {
	console.log(
		'Template demos (start the stack with `npm start`, then `npm run demo -- <slug>`):\n',
	);
	const templates = loadTemplates();
	for (const { slug, workflow } of templates) {
		const demo = loadDemo(slug);
		// A template's other workflow (01's intake) is run by the demo of the file it belongs with.
		const partOf = templates.find(
			(t) => t.slug !== slug && inTemplate(slug, t.slug) && loadDemo(t.slug),
		);
		console.log(`  ${slug}  "${workflow.name}"`);
		console.log(
			demo
				? `      ${demo.title}`
				: partOf
					? `      (part of ${partOf.slug}: its demo runs this workflow too)`
					: '      (no demo: open it in the editor and run it there)',
		);
	}
}

async function run(arg: string): Promise<void> {
	const templates = loadTemplates();
	const slug = pick(
		arg,
		templates.map((t) => t.slug),
	);
	const demo = loadDemo(slug);
	if (!demo)
		throw new Error(
			`template ${slug} has no demo (dev/demos/${slug}.ts); open it in the editor and run it there`,
		);
	const state = await readState();
	const ctx = await remoteContext(state);
	const name = templates.find((t) => t.slug === slug)!.workflow.name;
	const id = state.n8n.workflowIds[name];
	const since = new Date();

	console.log(`${slug}: ${demo.title}\n`);
	let failed: unknown;
	let result: unknown;
	try {
		result = await demo.run(ctx);
	} catch (error) {
		failed = error;
	}
	if (failed)
		console.log(`The demo failed: ${failed instanceof Error ? failed.message : String(failed)}\n`);
	else console.log(`Result:\n${JSON.stringify(result, null, 2) ?? '(nothing)'}\n`);

	// Executions since the demo started, of every workflow: the error workflow or a sub-workflow may have run
	// too (and a scheduled one may have, by chance). n8n answers a webhook before it has saved the execution,
	// and an error workflow starts after the failed one: poll until the list has been still for 1.5 s.
	type Row = { id: string; workflowId: string; status: string; mode: string; startedAt: string };
	const recent = async () =>
		(await ctx.n8n.api<{ data: Row[] }>('GET', '/executions?limit=100')).data.filter(
			(e) => new Date(e.startedAt).getTime() >= since.getTime() - 1000,
		);
	try {
		let rows = await recent();
		const key = (list: Row[]) => list.map((e) => `${e.id}:${e.status}`).join();
		for (let i = 0, still = 0; i < 30 && still < 3; i++) {
			await new Promise((r) => setTimeout(r, 500));
			const next = await recent();
			const running = next.some((e) => /new|running/.test(e.status));
			still = key(next) === key(rows) && !running ? still + 1 : 0;
			rows = next;
		}
		const names: Record<string, string> = Object.fromEntries(
			Object.entries(state.n8n.workflowIds).map(([n, i]) => [i, n]),
		);
		for (const wid of new Set(rows.map((e) => e.workflowId).filter((w) => !names[w]))) {
			names[wid] = await ctx.n8n.api<{ name: string }>('GET', `/workflows/${wid}`).then(
				(w) => w.name,
				() => wid,
			);
		}
		if (rows.length) {
			console.log('Executions since the demo started:');
			for (const e of rows.reverse()) {
				console.log(
					`  #${e.id}  ${e.status.padEnd(8)} ${e.mode.padEnd(8)} ${names[e.workflowId] ?? e.workflowId}  ${state.n8n.url}/workflow/${e.workflowId}/executions/${e.id}`,
				);
			}
			console.log('');
		}
	} catch {
		// the listing is a convenience; the demo's own result is above
	}

	const admin = state.sandbox.adminUrl;
	console.log(`Where to look:
  workflow:    ${id ? `${state.n8n.url}/workflow/${id}` : `(not imported: "${name}")`}
  executions:  ${id ? `${state.n8n.url}/workflow/${id}/executions` : `${state.n8n.url}/home/executions`}
  HubSpot:     ${admin}/hubspot/objects/companies   ${admin}/hubspot/objects/contacts
  Slack:       ${admin}/slack/messages
  Clay:        ${admin}/dump?system=clay
  requests:    ${admin}/requests
  warehouse:   psql -h ${state.warehouse.host} -p ${state.warehouse.port} -U ${state.warehouse.user} ${state.warehouse.database}
  (stack: ${STATE_FILE})`);
	if (failed) process.exitCode = 1;
}

const arg = process.argv[2];
(arg ? run(arg) : Promise.resolve(list())).catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});

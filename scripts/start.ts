// `npm start`: build, then start the demo stack — the sandbox (HubSpot, Clay, Slack and the HTTPS proxy for
// their real hosts), the warehouse PostgreSQL, and a real n8n with this package, the sandbox credentials and
// every template of workflows/ imported and published — print where to go and how to trigger each template,
// and keep everything running until Ctrl-C. `npm run demo -- <slug>` finds it through a small state file.
import { execSync } from 'node:child_process';
import type { N8nLine } from '../dev/harness';
import { OWNER } from '../dev/harness/rest';
import { preferredPort } from '../dev/harness/ports';
import { removeState, STATE_FILE, stackState, writeState, loadDemo } from '../dev/stack/session';
import { SANDBOX_DASHBOARD_LOGIN, SANDBOX_METRICS_TOKEN } from '../dev/stack/credentials';
import { startStack, type Stack } from '../dev/stack/stack';
import { loadTemplates, type DemoContext } from '../dev/stack/templates';

let stack: Stack | undefined;
let stopping = false;

async function stop(): Promise<void> {
	if (stopping) {
		console.log('Still stopping (n8n gets 15 s to exit cleanly)…');
		return;
	}
	stopping = true;
	if (!stack) {
		// Interrupted while starting: process exit kills every process the harness started so far.
		console.log('\nInterrupted while starting; stopping what was started.');
		process.exit(130);
	}
	console.log('\nStopping n8n, PostgreSQL and the sandbox…');
	removeState();
	try {
		await stack.stop();
		console.log('Stopped.');
		process.exit(0);
	} catch (error) {
		console.error(`Stopping failed: ${error instanceof Error ? error.message : error}`);
		process.exit(1);
	}
}

function indent(text: string, prefix: string): string {
	return text
		.split('\n')
		.map((line) => prefix + line)
		.join('\n');
}

async function main(): Promise<void> {
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	console.log('Building the package…');
	execSync('npm run build --silent', { stdio: 'inherit' });

	console.log(
		'Starting the sandbox, PostgreSQL and n8n with every template (the first run installs n8n into ~/.cache/revops-n8n, a few minutes)…',
	);
	stack = await startStack({
		line: (process.env.N8N_LINE as N8nLine | undefined) || undefined,
		port: await preferredPort(Number(process.env.N8N_PORT ?? 5678)),
		sandboxPort: await preferredPort(Number(process.env.SANDBOX_PORT ?? 4010)),
	});
	const { n8n, sandbox, warehouse } = stack;
	const state = stackState(stack);
	writeState(state);
	const ctx: DemoContext = { n8n, sandbox, warehouse };

	const lines: string[] = [];
	for (const template of loadTemplates()) {
		const id = n8n.workflowIds[template.workflow.name];
		lines.push(`  ${template.slug}  "${template.workflow.name}"`);
		if (id) lines.push(`      open:    ${n8n.url}/workflow/${id}`);
		let demo;
		try {
			demo = loadDemo(template.slug);
		} catch (error) {
			lines.push(
				`      (its demo could not be loaded: ${error instanceof Error ? error.message : error})`,
			);
		}
		if (demo) {
			lines.push(indent(demo.title, '      '));
			lines.push(indent(demo.howTo(ctx), '      $ '));
		}
		lines.push('');
	}

	console.log(`
n8n ${n8n.version} is running with n8n-nodes-revops, the sandbox credentials and ${loadTemplates().length} workflow templates.

  Editor:     ${n8n.url}
  Log in:     ${OWNER.email} / ${OWNER.password}
  Sandbox:    ${sandbox.url}  (HubSpot ${sandbox.hubspotUrl}, Slack ${sandbox.slackUrl}, Clay ${sandbox.clayUrl})
  Look at:    ${sandbox.adminUrl}/hubspot/objects/companies   ${sandbox.adminUrl}/slack/messages
              ${sandbox.adminUrl}/requests   (admin API: sandbox/README.md)
  Warehouse:  PostgreSQL ${warehouse.host}:${warehouse.port}, database ${warehouse.database}, user ${warehouse.user}
              psql -h ${warehouse.host} -p ${warehouse.port} -U ${warehouse.user} ${warehouse.database}
  Metrics:    ${n8n.webhookUrl('revops-dashboard')}   (log in ${SANDBOX_DASHBOARD_LOGIN.user} / ${SANDBOX_DASHBOARD_LOGIN.password})
              Prometheus: ${n8n.webhookUrl('revops-metrics')}  (Authorization: Bearer ${SANDBOX_METRICS_TOKEN})
  n8n log:    ${n8n.userFolder}/n8n.log
  Executions: ${n8n.url}/home/executions

Templates — trigger one from another terminal (\`npm run demo\` lists the demos):

${lines.join('\n')}
State for \`npm run demo\`: ${STATE_FILE}
Press Ctrl-C to stop everything.`);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	removeState();
	process.exit(1);
});

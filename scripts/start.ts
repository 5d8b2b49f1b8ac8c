// `npm start`: build, start the sandbox (local HubSpot, Clay and Slack) and a real n8n with this
// package installed, print where to go, and keep both running until Ctrl-C.
import { execSync } from 'node:child_process';
import { startSandbox } from '../sandbox/server';
import { startN8n } from './harness';
import { OWNER } from './harness/rest';
import { preferredPort } from './harness/ports';

async function main(): Promise<void> {
	console.log('Building the package…');
	execSync('npm run build --silent', { stdio: 'inherit' });

	const sandbox = await startSandbox({
		port: await preferredPort(Number(process.env.SANDBOX_PORT ?? 4010)),
	});
	console.log(
		`Sandbox running: HubSpot ${sandbox.hubspotUrl}  Slack ${sandbox.slackUrl}  Clay ${sandbox.clayUrl}`,
	);

	console.log('Starting n8n (first run installs it into ~/.cache/revops-n8n, a few minutes)…');
	const n8n = await startN8n({
		line: (process.env.N8N_LINE as '1' | '2' | undefined) ?? '2',
		port: await preferredPort(Number(process.env.N8N_PORT ?? 5678)),
	});

	console.log(`
n8n ${n8n.version} is running with n8n-nodes-revops installed.

  Editor:   ${n8n.url}
  Log in:   ${OWNER.email} / ${OWNER.password}
  Sandbox:  ${sandbox.url}  (admin API: ${sandbox.adminUrl}, see sandbox/README.md)
  n8n log:  ${n8n.userFolder}/n8n.log

Press Ctrl-C to stop.`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandbox…');
		await n8n.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});

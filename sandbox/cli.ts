// `npm run sandbox`: starts the emulators on SANDBOX_PORT (default 4010) and prints their URLs and the
// proxy environment for an n8n whose own nodes should reach them.
// SANDBOX_HOST picks the interface (default 127.0.0.1); SANDBOX_SNAPSHOT names a JSON file that is
// loaded at start and written on Ctrl-C.
import { startSandbox } from './server';
import { DEFAULT_TOKEN } from './hubspot/tokens';
import { DEFAULT_BOT_TOKEN, DEFAULT_WEBHOOK_PATH } from './slack/state';
import { DEFAULT_SOURCE_ID } from './clay/state';
import { PROXIED_HOSTS } from './proxy/hosts';

async function main() {
	const sandbox = await startSandbox({
		port: Number(process.env.SANDBOX_PORT ?? 4010),
		host: process.env.SANDBOX_HOST || undefined,
		snapshotFile: process.env.SANDBOX_SNAPSHOT || undefined,
	});
	const lines = [
		`Sandbox listening on ${sandbox.url}`,
		`  HubSpot  ${sandbox.hubspotUrl}   (Authorization: Bearer ${DEFAULT_TOKEN})`,
		`  Slack    ${sandbox.slackUrl}     (webhook ${sandbox.slackUrl}/services/${DEFAULT_WEBHOOK_PATH}, bot token ${DEFAULT_BOT_TOKEN})`,
		`  Clay     ${sandbox.clayUrl}      (webhook ${sandbox.clayUrl}/v3/sources/webhook/${DEFAULT_SOURCE_ID})`,
		`  Admin    ${sandbox.adminUrl}  (see sandbox/README.md)`,
		`  Proxy    ${sandbox.url} answers for ${PROXIED_HOSTS.join(', ')}; for n8n's own nodes start n8n with`,
		...Object.entries(sandbox.proxyEnv()).map(([name, value]) => `             ${name}=${value}`),
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	const stop = () => {
		sandbox.close().then(
			() => process.exit(0),
			(error: Error) => {
				process.stderr.write(`${error.message}\n`);
				process.exit(1);
			},
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});

// The whole demo stack: sandbox (HubSpot, Clay, Slack and the HTTPS proxy that answers for their real hosts),
// the warehouse PostgreSQL, and a real n8n with this package, every template imported and published and the
// sandbox credentials created. Shared by `npm start` and the template e2e tests.
import { startN8n, type N8nInstance, type N8nLine, type N8nMode } from '../harness';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { sandboxCredentials } from './credentials';
import { inTemplate, loadTemplates } from './templates';
import { startWarehouse, type Warehouse } from './warehouse';

export interface StackOptions {
	line?: N8nLine;
	mode?: N8nMode;
	/** Queue mode: worker processes (default 2). */
	workers?: number;
	/** n8n port (default: a free one). */
	port?: number;
	/** Sandbox port (default: a free one). */
	sandboxPort?: number;
	/** Template slugs to import (default: all of workflows/). */
	templates?: string[];
	env?: Record<string, string>;
	echo?: boolean;
	/** How often each n8n process sends its metrics (0: after every node run; default METRICS_FLUSH_SECONDS). */
	metricsFlushSeconds?: number;
}

export interface Stack {
	sandbox: Sandbox;
	warehouse: Warehouse;
	n8n: N8nInstance;
	/**
	 * Single mode: SIGKILLs n8n (main process and its task runner, as a crash or `kill -9` would), starts it
	 * again on the same user folder and port (with `env` added to its environment, e.g. a new setting), and
	 * replaces `n8n` with the new instance.
	 */
	crashAndRestart(env?: Record<string, string>): Promise<N8nInstance>;
	stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const sandbox = await startSandbox({ port: options.sandboxPort ?? 0 });
	let warehouse: Warehouse | undefined;
	try {
		warehouse = await startWarehouse();
		const templates = loadTemplates().filter(
			(t) => !options.templates || options.templates.some((slug) => inTemplate(t.slug, slug)),
		);
		const env = {
			N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
			...sandbox.proxyEnv(),
			...options.env,
		};
		const n8n = await startN8n({
			line: options.line,
			mode: options.mode,
			workers: options.workers,
			port: options.port,
			echo: options.echo,
			// README: with this package's triggers on n8n 2.x, set lazy isolate acquisition (n8n otherwise takes an
			// expression isolate for every request, which halves what a webhook can answer).
			env,
			credentials: (instance) =>
				sandboxCredentials(sandbox, warehouse, instance, options.metricsFlushSeconds),
			workflows: templates.map((t) => t.workflow),
		});
		const stack: Stack = {
			sandbox,
			warehouse,
			n8n,
			async crashAndRestart(extraEnv = {}) {
				const crashed = stack.n8n;
				if (crashed.mode !== 'single') throw new Error('crashAndRestart is for single mode');
				process.kill(-crashed.pid, 'SIGKILL');
				for (let i = 0; i < 100 && alive(crashed.pid); i++)
					await new Promise((r) => setTimeout(r, 100));
				stack.n8n = await startN8n({
					line: options.line,
					mode: 'single',
					port: crashed.port,
					echo: options.echo,
					env: { ...env, ...extraEnv },
					userFolder: crashed.userFolder,
				});
				// Same database: the imported workflows keep their ids.
				Object.assign(stack.n8n.workflowIds, crashed.workflowIds);
				return stack.n8n;
			},
			async stop() {
				await stack.n8n.stop();
				await warehouse!.stop();
				await sandbox.close();
			},
		};
		return stack;
	} catch (error) {
		await warehouse?.stop();
		await sandbox.close();
		throw error;
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

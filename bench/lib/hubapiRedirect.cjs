// Preloaded into n8n (NODE_OPTIONS=--require) for the benchmark only: sends n8n's requests for
// https://api.hubapi.com to the local sandbox (REVOPS_HUBAPI_REDIRECT, e.g. http://127.0.0.1:4010/hubspot),
// so n8n's built-in HubSpot node, whose base URL is fixed, runs unmodified against the sandbox.
const http = require('node:http');
const https = require('node:https');

const target = process.env.REVOPS_HUBAPI_REDIRECT
	? new URL(process.env.REVOPS_HUBAPI_REDIRECT)
	: undefined;
const HOST = 'api.hubapi.com';

function redirected(options) {
	if (!target || typeof options !== 'object' || options === null || options instanceof URL)
		return undefined;
	const host = options.hostname || (options.host || '').split(':')[0];
	if (host !== HOST) return undefined;
	const { agent, ...rest } = options;
	return {
		...rest,
		protocol: 'http:',
		hostname: target.hostname,
		host: target.hostname,
		port: Number(target.port || 80),
		path: `${target.pathname.replace(/\/$/, '')}${options.path || '/'}`,
		headers: { ...(options.headers || {}), host: target.host },
	};
}

function wrap(original) {
	return function request(input, options, callback) {
		if (typeof input === 'string' || input instanceof URL) {
			const url = new URL(String(input));
			if (url.hostname === HOST) {
				const merged = typeof options === 'object' && options ? options : {};
				const cb = typeof options === 'function' ? options : callback;
				return http.request(
					redirected({ ...merged, hostname: url.hostname, path: url.pathname + url.search }),
					cb,
				);
			}
			return original.call(this, input, options, callback);
		}
		const next = redirected(input);
		return next ? http.request(next, options) : original.call(this, input, options, callback);
	};
}

if (target) {
	https.request = wrap(https.request);
	https.get = function get(...args) {
		const req = https.request(...args);
		req.end();
		return req;
	};
}

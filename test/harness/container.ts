import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { InstanceSettings } from 'n8n-core';
import { captureLogger } from './logger';

/** Log sinks of the harnesses open in this process; n8n's one Logger writes to all of them. */
const sinks = new Set<string[]>();
let installed = false;

/**
 * Registers what n8n-core takes from its DI container: a Logger that captures into the harness,
 * and InstanceSettings without a settings file on disk. Everything else (OutboundHttp, LockService
 * for the single-flight refresh lease) is n8n's own, constructed by the container.
 */
export function installContainer(logs: string[]): () => void {
	sinks.add(logs);
	if (!installed) {
		const fanOut: string[] = new Proxy([], {
			get: (target, property) =>
				property === 'push'
					? (...lines: string[]) => {
							for (const sink of sinks) sink.push(...lines);
							return lines.length;
						}
					: Reflect.get(target, property),
		});
		Container.set(Logger, captureLogger(fanOut));
		Container.set(InstanceSettings, {
			instanceId: 'harness-instance',
			hmacSignatureSecret: 'harness-hmac',
			n8nFolder: '/nonexistent',
		} as unknown as InstanceSettings);
		installed = true;
	}
	return () => sinks.delete(logs);
}

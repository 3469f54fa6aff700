import { stopQueueStack } from './stack';

export default async function globalTeardown(): Promise<void> {
	await stopQueueStack();
}

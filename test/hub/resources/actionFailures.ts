import { randomUUID } from 'crypto';

/**
 * Actions armed to fail (`POST /__sandbox/action-failures`): the Hub took the action but the provider
 * refused it, which the published types answer as 200 `{ ok: false, status: "error", error }`
 * (hub-api.md section 5, item 1). Matched by connection and action type (either may be left open).
 */
export interface ActionFailureSpec {
	connectionId?: string;
	actionType?: string;
	/** The provider's message, returned as `error`. */
	error: string;
	count: number;
}

export class ActionFailures {
	private armed: Array<ActionFailureSpec & { id: string }> = [];

	add(spec: ActionFailureSpec): string {
		const id = randomUUID();
		this.armed.push({ ...spec, id });
		return id;
	}

	/** The error the next matching action fails with, counting the failure down; undefined: it succeeds. */
	take(connectionId: string, actionType: string): string | undefined {
		const failure = this.armed.find(
			(candidate) =>
				(candidate.connectionId === undefined || candidate.connectionId === connectionId) &&
				(candidate.actionType === undefined || candidate.actionType === actionType),
		);
		if (!failure) return undefined;
		failure.count -= 1;
		if (failure.count <= 0) this.armed = this.armed.filter((candidate) => candidate !== failure);
		return failure.error;
	}

	clear(): void {
		this.armed = [];
	}
}

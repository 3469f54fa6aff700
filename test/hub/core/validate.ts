import type { z } from 'zod';
import { HubError } from './errors';

/** Validates a body with zod; the first problem becomes 400 validation_error naming its field. */
export function validate<T extends z.ZodTypeAny>(
	schema: T,
	input: unknown,
	code: 'validation_error' | 'invalid_request' = 'validation_error',
): z.infer<T> {
	const result = schema.safeParse(input ?? {});
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
	throw new HubError(400, code, `${field}: ${issue.message}`, code === 'validation_error' ? { field } : {});
}

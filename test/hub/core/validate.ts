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
	// zod's enum message quotes the value it received, which may be anything (even a secret).
	const message =
		issue.code === 'invalid_enum_value' ? `must be one of: ${issue.options.join(', ')}` : issue.message;
	throw new HubError(400, code, `${field}: ${message}`, code === 'validation_error' ? { field } : {});
}

import type { Harness } from '../../harness';

/** A seeded user's id and personal API token, by email. */
export function seededUser(harness: Harness, email: string): { id: string; apiToken: string } {
	const user = harness.hub.info().users.find((candidate) => candidate.email === email);
	if (!user) throw new Error(`No seeded user ${email}`);
	return user;
}

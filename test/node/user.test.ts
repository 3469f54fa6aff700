import { useNodeHarness } from './support';

describe('User', () => {
	const hub = useNodeHarness();

	it('Get Me returns the signed-in user with a personal token', async () => {
		const [me] = await hub.runJson({ resource: 'user', operation: 'getMe' });
		expect(me).toMatchObject({ id: hub.users().ada.id, email: 'ada@example.com', name: 'Ada Lovelace' });
		expect(me).not.toHaveProperty('password');
	});

	it('Get Me works through OAuth2 too', async () => {
		await hub.harness.connectOAuth2({ user: 'grace@example.com' });
		const [me] = await hub.runJson({ resource: 'user', operation: 'getMe', authentication: 'oAuth2' });
		expect(me.email).toBe('grace@example.com');
	});

	it('Get Me fails clearly when the token is revoked', async () => {
		hub.harness.useApiToken('adh_pat_not-a-real-token');
		const error = await hub.runError({ resource: 'user', operation: 'getMe' });
		expect(error.message).toMatch(/token|reconnect|credential/i);
		expect(error.message).not.toContain('adh_pat_not-a-real-token');
		hub.harness.useApiToken();
	});
});

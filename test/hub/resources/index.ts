import type { Router } from '../core/router';
import { registerCommunityMemberRoutes } from './communityMembers';
import { registerCommunityRoutes } from './communities';
import { registerDirectMessageRoutes } from './dms';
import { registerIntegrationRoutes } from './integrations';
import { registerGithubAppRoutes } from './integrationsGithubApp';
import { registerIntegrationSettingRoutes } from './integrationSettings';
import { registerNotificationRoutes } from './notifications';
import { registerPeopleRoutes } from './people';
import { registerPreferenceRoutes } from './preferences';
import { registerReactionRoutes } from './reactions';
import { registerSearchRoutes } from './search';
import { registerTopicRoutes } from './topics';

/** Every resource route of hub-api.md section 3 except `GET /api/auth/me` (./oauth has it). */
export function registerResourceRoutes(router: Router): void {
	registerCommunityRoutes(router);
	registerCommunityMemberRoutes(router);
	registerTopicRoutes(router);
	registerSearchRoutes(router);
	registerReactionRoutes(router);
	registerDirectMessageRoutes(router);
	registerNotificationRoutes(router);
	registerIntegrationRoutes(router);
	registerPeopleRoutes(router);
	registerPreferenceRoutes(router);
	registerIntegrationSettingRoutes(router);
	registerGithubAppRoutes(router);
}

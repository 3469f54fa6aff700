import { describeEventBehaviour } from './support/behaviour';
import { notificationScenario } from './support/scenarios';

describe('Trigger: New Notification', () => {
	describeEventBehaviour(notificationScenario);
});

import { describeEventBehaviour } from './support/behaviour';
import { replyScenario } from './support/scenarios';

describe('Trigger: New Reply in Topic', () => {
	describeEventBehaviour(replyScenario);
});

import { describeEventBehaviour } from './support/behaviour';
import { topicScenario } from './support/scenarios';

describe('Trigger: New Topic', () => {
	describeEventBehaviour(topicScenario);
});

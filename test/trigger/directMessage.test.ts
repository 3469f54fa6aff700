import { describeEventBehaviour } from './support/behaviour';
import { directMessageScenario } from './support/scenarios';

describe('Trigger: New Direct Message', () => {
	describeEventBehaviour(directMessageScenario);
});

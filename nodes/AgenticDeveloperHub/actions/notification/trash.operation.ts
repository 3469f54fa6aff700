import { stateChangeOperation } from './shared';

export const { description, execute } = stateChangeOperation('trash', 'trash');

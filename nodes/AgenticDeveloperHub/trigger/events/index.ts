import { directMessageEvent } from './directMessage';
import { notificationEvent } from './notification';
import { replyEvent } from './reply';
import { topicEvent } from './topic';
import type { TriggerEvent } from './types';

/** The trigger's events, as listed in its Event parameter. */
export const triggerEvents: TriggerEvent[] = [directMessageEvent, notificationEvent, replyEvent, topicEvent];

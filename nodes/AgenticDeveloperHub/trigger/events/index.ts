import { directMessageEvent } from './directMessage';
import { notificationEvent } from './notification';
import { replyEvent } from './reply';
import { topicEvent } from './topic';
import type { TriggerEvent } from './types';

/** The polling trigger's events, as listed in its Event parameter. */
export const triggerEvents: TriggerEvent[] = [directMessageEvent, notificationEvent, replyEvent, topicEvent];

/** The realtime trigger's events: what the Hub's notification stream wakes a user for. */
export const realtimeEvents: TriggerEvent[] = [directMessageEvent, notificationEvent];

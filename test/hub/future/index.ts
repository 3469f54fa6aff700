export { futureReply } from './answers';
export { futureNotifications, registerFutureControlRoutes, setFuture } from './records';
export { FUTURE, FUTURE_FIELD, FUTURE_FIELD_VALUE } from './values';

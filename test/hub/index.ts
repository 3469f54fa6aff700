export { Hub, startHub, DEFAULT_REDIRECT_URIS } from './hub';
export type { HubOptions, HubInfo, HubSettings } from './hub';

/** The API's enums (packages/emulator/API.md): each a const list, for validators, and its union type. */

/** The files an item can have. `hevc` and `webm` carry alpha; `stacked_video` is colour over alpha in H.264. */
export const ASSET_TYPES = ['image', 'transparent_image', 'video', 'webm', 'hevc', 'stacked_video'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const JOB_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const ITEM_TYPES = ['image', 'animation'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** What a job makes (`reverse`: the free auto-reverse of a transition). The older revision says `image`/`animation`. */
export type JobType = 'image_generation' | 'item_generation' | 'animation' | 'reverse';

export type InputType = 'boolean' | 'number' | 'trigger';

export const WEBHOOK_EVENTS = ['job.completed', 'job.failed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * The emulator's internal records. camelCase on purpose: only `src/wire/` knows the
 * API's field names, so a wrong guess about the real API is corrected in one place.
 */

import type { AssetType, InputType, ItemType, JobStatus, JobType, WebhookEvent } from 'masko-wire';

export interface ProjectRec {
  id: string;
  name: string;
  organizationId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CollectionRec {
  id: string;
  projectId: string;
  name: string;
  slug: string;
  publicSlug: string;
  userPrefix: string;
  isPublished: boolean;
  prompt: string | null;
  referenceAssetIds: string[];
  styleCard: string | null;
  cautionList: string[];
  animationSizes: number[];
  createdAt: string;
  updatedAt: string;
}

export interface TransitionRef {
  fromItemId: string | null;
  toItemId: string | null;
  reverseOfItemId: string | null;
}

export interface ItemRec {
  id: string;
  collectionId: string;
  name: string;
  slug: string;
  type: ItemType;
  status: JobStatus;
  loop: boolean;
  duration: number | null;
  transition: TransitionRef | null;
  /** The demo media clip this item's files come from (emulator-only). */
  clip: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AssetRec {
  id: string;
  itemId: string | null;
  collectionId: string | null;
  type: AssetType;
  status: JobStatus;
  /** Path on the asset host, e.g. `/7fced6/felix-the-fox-1a2b/idle-0123abcd.webm`; null for uploads by URL. */
  path: string | null;
  /** External URL of an upload by URL. */
  externalUrl: string | null;
  size: number | null;
  parentAssetId: string | null;
  width: number | null;
  height: number | null;
  bytes: number | null;
  mime: string;
  /** File under the media directory served once the asset is completed. */
  file: string | null;
  jobId: string | null;
  createdAt: string;
}

export interface JobError {
  code: string;
  message: string;
}

export interface JobRec {
  id: string;
  status: JobStatus;
  type: JobType;
  collectionId: string;
  itemId: string;
  itemName: string;
  costCredits: number;
  /** Every asset the job produces (originals and size variants). */
  assetIds: string[];
  error: JobError | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  /** Emulator plan: how long it runs, whether it fails, what follows it. */
  plan: { delayMs: number; fail: boolean; autoReverse: boolean };
  /** Credits taken from each balance, returned on failure. */
  charged: { subscription: number; topup: number };
}

export interface ConditionRec {
  input: string;
  op: string;
  value: boolean | number;
}

export interface CanvasNodeRec {
  id: string;
  key: string;
  name: string;
  itemId: string | null;
  imagePrompt: string | null;
}

export interface CanvasEdgeRec {
  id: string;
  source: string;
  target: string;
  isLoop: boolean;
  duration: number;
  speed?: number;
  priority?: number;
  reverse?: boolean;
  description: string;
  conditions: ConditionRec[];
  itemId: string | null;
}

export interface InputRec {
  name: string;
  type: InputType;
  default?: boolean | number;
  system?: boolean;
}

export interface CanvasRec {
  id: string;
  collectionId: string;
  name: string;
  templateId: string | null;
  nodes: CanvasNodeRec[];
  edges: CanvasEdgeRec[];
  inputs: InputRec[];
  initialNodeId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookRec {
  id: string;
  url: string;
  events: WebhookEvent[];
  secret: string;
  createdAt: string;
}

export interface StateData {
  projects: ProjectRec[];
  collections: CollectionRec[];
  items: ItemRec[];
  assets: AssetRec[];
  jobs: JobRec[];
  canvases: CanvasRec[];
  webhooks: WebhookRec[];
  credits: { subscription: number; topup: number };
}

import type { JobStatus } from 'masko-wire';
import type { HttpCore } from '../http.js';
import { pathId } from '../ids.js';
import { listOf } from '../paginate.js';
import { type Job, JobSchema } from '../schemas/resources.js';

export interface JobFilter {
  status?: JobStatus;
  collection_id?: string;
  /** Same as `collection_id` (camelCase, like `collections.list({ projectId })`). */
  collectionId?: string;
  type?: string;
}

export function jobsResource(http: HttpCore) {
  return {
    async get(id: string, signal?: AbortSignal): Promise<Job> {
      return (await http.call({ method: 'GET', path: `/jobs/${pathId(id, 'job id')}`, ...(signal && { signal }) }, JobSchema)).data;
    },
    /** Jobs, filtered by status, collection and/or type. */
    list(filter: JobFilter = {}): AsyncIterable<Job> {
      return listOf(http, '/jobs', JobSchema, { status: filter.status, collection_id: filter.collection_id ?? filter.collectionId, type: filter.type });
    },
  };
}

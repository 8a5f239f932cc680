import type { HttpCore } from '../http.js';
import { listOf } from '../paginate.js';
import { type Project, ProjectSchema } from '../schemas/resources.js';

export function projectsResource(http: HttpCore) {
  return {
    /** Every project of the workspace. */
    list(): AsyncIterable<Project> {
      return listOf(http, '/projects', ProjectSchema);
    },
    /** Creates a project. */
    async create(body: { name: string }, signal?: AbortSignal): Promise<Project> {
      return (await http.call({ method: 'POST', path: '/projects', body, ...(signal && { signal }) }, ProjectSchema)).data;
    },
  };
}

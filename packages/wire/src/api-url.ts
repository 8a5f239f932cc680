/** The public Masko API: where the client and the plugin go when no `apiUrl` / `MASKO_API_URL` says otherwise. */
export const DEFAULT_API_URL = 'https://api.masko.ai/v1';

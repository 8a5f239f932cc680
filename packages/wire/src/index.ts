export { API_KEY_PATTERN, API_KEY_SHAPE, isApiKey, redactSecrets, rememberSecret } from './api-key.js';
export { API_ID_PATTERN, API_ID_SHAPE, isApiId } from './ids.js';

import { withMasko } from 'unplugin-masko/next';

export default withMasko({ reactStrictMode: true });

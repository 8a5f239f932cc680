// Types for scripts/webkit-driver.mjs (used from the type-checked playground test).
export declare const webkitCapabilities: {
  browserName: string;
  'wdio:enforceWebDriverClassic': boolean;
  'webkitgtk:browserOptions': { binary: string; args: string[] };
};
export declare function startWebKitDriver(): Promise<{ port: number; stop(): void }>;

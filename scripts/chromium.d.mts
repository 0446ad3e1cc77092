/** Path of the Chromium binary; `CHROMIUM_PATH` overrides Debian's default. */
export declare const chromiumExecutable: string;
/** Headless flags for Chromium as root, with no traffic of its own. */
export declare const chromiumArgs: readonly string[];

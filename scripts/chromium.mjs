// How every test and bench launches Chromium on this kind of machine: Debian's build (never a downloaded
// browser, see ../shared/TOOLCHAIN.md), headless, as root. One list so a flag added for one harness
// (e.g. --disable-dev-shm-usage for small /dev/shm in containers) reaches them all.

/** Path of the Chromium binary; `CHROMIUM_PATH` overrides Debian's default. */
export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** Headless flags for Chromium as root, with no traffic of its own (no QUIC, updates, sync or background fetches). */
export const chromiumArgs = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]);

// The offline reload against the built bundles and service worker (run by `npm run test:dist`).
import '../offline/dist-offline.ts';

// A module Worker that runs the redirect scenarios from a Worker's own origin and posts the outcomes.
import { runRedirectScenarios, type RedirectPorts } from './redirect-scenarios.ts';

addEventListener('message', (event: MessageEvent<RedirectPorts>) => {
  void runRedirectScenarios(event.data).then((outcomes) => postMessage(outcomes));
});

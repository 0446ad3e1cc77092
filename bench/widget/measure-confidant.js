// Time from the widget script's evaluation to the launcher rendered: the later of the mark before the
// script tag and the script's arrival, to the frame after the element's first render.
const scriptStart = (file) => {
  const arrived = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(file))?.responseEnd ?? 0;
  return Math.max(arrived, performance.getEntriesByName('widget-script')[0]?.startTime ?? 0);
};
const el = document.querySelector('confidant-assistant');
el.updateComplete.then(() =>
  requestAnimationFrame(() => {
    const launcher = el.shadowRoot?.querySelector('[part~="launcher"]');
    window.benchLauncherMs = launcher ? performance.now() - scriptStart('/dist/confidant.iife.js') : -1;
  }),
);

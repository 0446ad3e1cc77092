// Time from deep-chat's script evaluation to its element rendered (the same measure as Confidant's launcher).
const arrived =
  performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('deepChat.bundle.js'))?.responseEnd ?? 0;
const start = Math.max(arrived, performance.getEntriesByName('widget-script')[0]?.startTime ?? 0);
await customElements.whenDefined('deep-chat');
requestAnimationFrame(() => {
  window.benchRenderMs = document.querySelector('deep-chat')?.shadowRoot?.childElementCount
    ? performance.now() - start
    : -1;
});

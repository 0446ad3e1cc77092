// Notes when the visitor reaches the launcher (pointer over it, or a click), then the first frame that
// shows the loading progress, the ready composer and the reply: window.benchTimes (performance.now()).
{
  const el = document.querySelector('confidant-assistant');
  const times = {};
  window.benchTimes = times;
  const start = (e) => (times.start ??= e.timeStamp);
  el.addEventListener('pointerover', start, { capture: true });
  el.addEventListener('click', start, { capture: true });
  const watch = () => {
    const now = performance.now();
    const root = el.shadowRoot;
    if (times.start !== undefined) {
      const progress = root.querySelector('[part~="progress"]');
      if (times.progress === undefined && progress) times.progress = now;
      const input = root.querySelector('[part~="input"]');
      if (times.ready === undefined && input && !input.disabled && !progress) times.ready = now;
      if (times.reply === undefined && root.querySelectorAll('[part~="bubble"]').length >= 2) times.reply = now;
    }
    if (times.reply === undefined) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

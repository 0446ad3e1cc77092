// Notes when the visitor reaches the launcher (pointer over it, or a click), then the first frame that
// shows the loading progress, the ready composer and the reply: window.benchTimes (performance.now()).
{
  const el = document.querySelector('confidant-assistant');
  const times = {};
  window.benchTimes = times;
  const start = (e) => (times.start ??= e.timeStamp);
  // Where the time goes: the engine's progress events (first asset asked for, each download done).
  el.assistantOptions = {
    onProgress: (event) => {
      const now = performance.now();
      if (event.status === 'initiate') times.engineUp ??= now;
      if (event.status === 'done' && event.file.endsWith('.wasm')) times.wasmDone ??= now;
      if (event.status === 'done' && event.file.endsWith('.onnx')) times.modelDone ??= now;
    },
  };
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

/**
 * The widget development page: mounts `<confidant-assistant>` from source with attributes taken
 * from the query string (`?lang=zh-CN&dir=rtl&theme=dark&inline&encryption=passphrase`).
 */
import '../widget/index.ts';

const params = new URLSearchParams(location.search);
const el = document.createElement('confidant-assistant');
el.setAttribute('open', '');
for (const name of ['lang', 'dir', 'theme', 'inline', 'encryption', 'position', 'load', 'voice', 'model', 'database']) {
  const value = params.get(name);
  if (value !== null) el.setAttribute(name, value);
}
if (params.get('encryption') === 'passphrase') el.setAttribute('database', 'confidant-dev-passphrase');
document.querySelector('main')?.append(el);

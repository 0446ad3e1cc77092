/**
 * The settings panel: read-aloud and notifications, how history is protected (the key, setting or
 * changing a passphrase, lock), retention, backup export and import, permissions granted to skills
 * (with revoke), voice input's privacy, the user's ratings, and deleting all history. Each control
 * appears only when the assistant has the method behind it (see `assistant-extras.ts`); "Lock now"
 * only in passphrase mode, where it means something.
 *
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { has } from './assistant-extras.ts';
import type { PermissionGrant, WidgetAssistant } from './assistant-extras.ts';
import { describePermission } from './consent.ts';
import type { Messages } from './i18n/en.ts';
import { readPassphraseFields, renderPassphraseFields } from './passphrase-form.ts';
import type { VoiceState } from './voice.ts';

/** How the store's key is protected (`store.keyState`). */
type KeyState = Awaited<ReturnType<NonNullable<WidgetAssistant['store']['keyState']>>>;

/** What the settings panel shows; loaded when it opens. */
export interface SettingsData {
  retention?: number | null;
  grants?: PermissionGrant[];
  keyState?: KeyState;
  confirmErase?: boolean;
  /** The outcome of the last action, announced politely. */
  note?: { text: string; error: boolean };
}

/** What the panel renders and whom it tells. */
export interface SettingsProps {
  msgs: Messages;
  assistant: WidgetAssistant | undefined;
  data: SettingsData;
  canSpeak: boolean;
  readAloud: boolean;
  onChange(data: SettingsData): void;
  onReadAloud(on: boolean): void;
  /** After a lock or an erase, so the chat can follow. */
  onLocked(): void;
  onErased(): void;
  voice: VoiceState;
  onForgetVoice(): void;
  /** Present when the host allows Web Notifications and the browser has them. */
  notifications: { on: boolean; onToggle(on: boolean): void } | undefined;
}

const retentionChoices = [null, 7, 30, 90, 365] as const;

/**
 * Whether the panel has anything to show for this assistant.
 * @param speech read-aloud or voice input is available (their settings and privacy show)
 */
export function hasSettings(assistant: WidgetAssistant | undefined, speech: boolean): boolean {
  const store = assistant?.store;
  return (
    speech ||
    has(assistant, 'lock') ||
    has(assistant?.models, 'exportFeedback') ||
    has(assistant?.skills, 'permissions') ||
    (['erase', 'exportBackup', 'importBackup', 'setRetention', 'keyState'] as const).some((name) => has(store, name))
  );
}

/** Reads the current retention and grants. */
export async function loadSettings(assistant: WidgetAssistant | undefined): Promise<SettingsData> {
  const store = assistant?.store;
  const skills = assistant?.skills;
  const [retention, grants, keyState] = await Promise.all([
    has(store, 'retention') ? store.retention() : undefined,
    has(skills, 'permissions') ? skills.permissions() : undefined,
    has(store, 'keyState') ? store.keyState() : undefined,
  ]);
  return {
    ...(retention === undefined ? {} : { retention }),
    ...(grants ? { grants } : {}),
    ...(keyState ? { keyState } : {}),
  };
}

/**
 * Runs one action: the previous outcome is cleared first (a stale error must never sit next to a
 * new attempt), then the new one is announced.
 * @returns whether it succeeded
 */
async function act(props: SettingsProps, action: () => Promise<SettingsData | void>, done: string): Promise<boolean> {
  const { note: _stale, ...data } = props.data;
  props.onChange(data);
  try {
    props.onChange({ ...data, ...(await action()), note: { text: done, error: false } });
    return true;
  } catch (error) {
    const wrong = (error as { code?: unknown } | null)?.code === 'wrong-passphrase';
    props.onChange({
      ...data,
      note: {
        text: wrong
          ? props.msgs.wrongPassphrase
          : props.msgs.failed(error instanceof Error ? error.message : String(error)),
        error: true,
      },
    });
    return false;
  }
}

function download(data: Blob | Uint8Array | ArrayBuffer, name: string, extension: string): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: 'application/octet-stream' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${name}-${new Date().toISOString().slice(0, 10)}.${extension}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

const field = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as HTMLInputElement;

/**
 * Renders the settings panel.
 * @param props the assistant, loaded data, labels and handlers
 */
export function renderSettings(props: SettingsProps): TemplateResult {
  const { msgs, assistant, data } = props;
  const store = assistant?.store;
  const skills = assistant?.skills;
  const onExport = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!has(store, 'exportBackup')) return;
    void act(
      props,
      async () => download(await store.exportBackup(field(form, 'passphrase').value), 'confidant-backup', 'confidant'),
      msgs.exported,
    ).then((ok) => ok && form.reset());
  };
  const onImport = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const file = field(form, 'file').files?.[0];
    if (!has(store, 'importBackup') || !file) return;
    // The file stays chosen after a failure: a wrong passphrase is retried by typing the right one.
    void act(
      props,
      async () =>
        void (await store.importBackup(new Uint8Array(await file.arrayBuffer()), field(form, 'passphrase').value)),
      msgs.imported,
    ).then((ok) => {
      if (ok) form.reset();
      else field(form, 'passphrase').select();
    });
  };
  const onPassphrase = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const choice = readPassphraseFields(form, msgs);
    if (!choice || !has(store, 'changePassphrase')) return;
    void act(
      props,
      async () => {
        await store.changePassphrase(choice.current, choice.next);
        return has(store, 'keyState') ? { keyState: await store.keyState() } : {};
      },
      msgs.passphraseSet,
    ).then((ok) => ok && form.reset());
  };
  const models = assistant?.models;
  const exportRatings = () =>
    has(models, 'exportFeedback') &&
    void act(
      props,
      async () => {
        const json = JSON.stringify(await models.exportFeedback(), null, 2);
        download(new Blob([json], { type: 'application/json' }), 'confidant-ratings', 'json');
      },
      msgs.exported,
    );
  const onRetention = (event: Event) => {
    const value = (event.currentTarget as HTMLSelectElement).value;
    const days = value ? Number(value) : null;
    if (has(store, 'setRetention'))
      void act(
        props,
        async () => {
          await store.setRetention(days);
          return { retention: days };
        },
        msgs.saved,
      );
  };
  const revoke = (grant: PermissionGrant) =>
    has(skills, 'revokePermission') &&
    void act(
      props,
      async () => {
        await skills.revokePermission(grant.skillId, grant.permission);
        return { grants: (data.grants ?? []).filter((other) => other !== grant) };
      },
      msgs.saved,
    );
  const erase = () =>
    has(store, 'erase') &&
    void act(
      props,
      async () => {
        await store.erase();
        // The chat empties at once: not one of the user's messages stays on screen.
        props.onErased();
        return { confirmErase: false, grants: [] };
      },
      msgs.cleared,
    );
  const lock = () => has(assistant, 'lock') && void assistant.lock().then(props.onLocked, props.onLocked);
  const mode = data.keyState?.mode;
  // Without a key state (an app's adapter) the app's own `lock` is trusted to mean something.
  const canLock = has(assistant, 'lock') && (has(store, 'keyState') ? mode === 'passphrase' : true);
  const checkbox = (label: string, checked: boolean, change: (on: boolean) => void) =>
    html`<label class="row"
      ><input
        type="checkbox"
        .checked=${checked}
        @change=${(e: Event) => change((e.currentTarget as HTMLInputElement).checked)}
      />${label}</label
    >`;
  const { voice } = props;

  return html`<div class="settings" part="settings">
    ${props.canSpeak ? checkbox(msgs.readRepliesAloud, props.readAloud, props.onReadAloud) : nothing}
    ${props.notifications ? checkbox(msgs.notify, props.notifications.on, props.notifications.onToggle) : nothing}
    ${
      mode === 'device' || mode === 'passphrase'
        ? html`<div class="group" part="protection">
            <p class="note">${mode === 'device' ? msgs.keyDevice : msgs.keyPassphrase}</p>
            ${canLock ? html`<button class="button" part="lock-button" type="button" @click=${lock}>${msgs.lock}</button>` : nothing}
            ${
              has(store, 'changePassphrase')
                ? html`<form class="group" @submit=${onPassphrase}>
                    <h3>${mode === 'device' ? msgs.protectTitle : msgs.changeTitle}</h3>
                    ${renderPassphraseFields({ msgs, id: 'change', current: mode === 'passphrase' })}
                    <button class="button" part="passphrase-button" type="submit">${msgs.setPassphrase}</button>
                  </form>`
                : nothing
            }
          </div>`
        : canLock
          ? html`<button class="button" part="lock-button" type="button" @click=${lock}>${msgs.lock}</button>`
          : nothing
    }
    ${
      has(store, 'setRetention')
        ? html`<label class="row" for="retention">${msgs.retention}</label>
            <select id="retention" class="field" part="retention" @change=${onRetention}>
              ${retentionChoices.map((days) => html`<option value=${days ?? ''} ?selected=${(data.retention ?? null) === days}>${days === null ? msgs.retentionForever : msgs.retentionDays(days)}</option>`)}
            </select>`
        : nothing
    }
    ${
      has(store, 'exportBackup')
        ? html`<form class="group" @submit=${onExport}>
            <h3>${msgs.exportTitle}</h3>
            <p class="note" id="export-hint">${msgs.exportHint}</p>
            <label for="export-passphrase">${msgs.passphrase}</label>
            <input
              id="export-passphrase"
              class="field"
              name="passphrase"
              type="password"
              autocomplete="new-password"
              required
              aria-describedby="export-hint"
            />
            <button class="button" part="export-button" type="submit">${msgs.export}</button>
          </form>`
        : nothing
    }
    ${
      has(store, 'importBackup')
        ? html`<form class="group" @submit=${onImport}>
            <h3>${msgs.importTitle}</h3>
            <label for="import-file">${msgs.backupFile}</label>
            <input id="import-file" class="field" name="file" type="file" required />
            <label for="import-passphrase">${msgs.passphrase}</label>
            <input
              id="import-passphrase"
              class="field"
              name="passphrase"
              type="password"
              autocomplete="current-password"
              required
            />
            <button class="button" part="import-button" type="submit">${msgs.import}</button>
          </form>`
        : nothing
    }
    ${
      has(skills, 'permissions')
        ? html`<div class="group">
            <h3>${msgs.permissionsTitle}</h3>
            ${
              data.grants?.length
                ? html`<ul class="grants">
                    ${data.grants.map(
                      (grant) =>
                        html`<li>
                          <span>${grant.skillId}: ${describePermission(msgs, grant.permission, grant.origins)}</span>
                          ${has(skills, 'revokePermission') ? html`<button class="button" part="revoke-button" type="button" @click=${() => revoke(grant)}>${msgs.revoke}</button>` : nothing}
                        </li>`,
                    )}
                  </ul>`
                : html`<p class="note">${msgs.noPermissions}</p>`
            }
          </div>`
        : nothing
    }
    ${
      voice.status === 'off'
        ? nothing
        : html`<div class="group" part="voice-privacy">
            <h3>${msgs.voiceTitle}</h3>
            <p class="note">
              ${voice.status === 'local' ? msgs.voiceLocal : msgs.voiceRemote}
              ${voice.status === 'remote' && voice.allowed ? msgs.voiceAllowed : nothing}
            </p>
            ${
              voice.status === 'remote' && voice.allowed
                ? html`<button class="button" part="voice-revoke-button" type="button" @click=${props.onForgetVoice}>
                    ${msgs.revoke}
                  </button>`
                : nothing
            }
          </div>`
    }
    ${
      has(models, 'exportFeedback')
        ? html`<div class="group">
            <h3>${msgs.ratingsTitle}</h3>
            <p class="note">${msgs.ratingsHint}</p>
            <button class="button" part="ratings-button" type="button" @click=${exportRatings}>
              ${msgs.exportRatings}
            </button>
          </div>`
        : nothing
    }
    ${
      has(store, 'erase')
        ? data.confirmErase
          ? html`<div class="group" role="group" aria-labelledby="erase-confirm">
              <p id="erase-confirm">${msgs.clearConfirm}</p>
              <div class="actions">
                <button class="button" type="button" @click=${() => props.onChange({ ...data, confirmErase: false })}>
                  ${msgs.cancel}
                </button>
                <button class="button danger" part="confirm-erase-button" type="button" @click=${erase}>
                  ${msgs.confirmDelete}
                </button>
              </div>
            </div>`
          : html`<button
              class="button danger"
              part="erase-button"
              type="button"
              @click=${() => props.onChange({ ...data, confirmErase: true })}
            >
              ${msgs.clearHistory}
            </button>`
        : nothing
    }
    <p class="note ${data.note?.error ? 'error' : ''}" role="status">${data.note?.text ?? ''}</p>
  </div>`;
}

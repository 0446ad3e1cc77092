/**
 * The settings panel: read-aloud, retention, backup export and import, permissions granted to
 * skills (with revoke), lock, and deleting all history. Each control appears only when the
 * assistant has the method behind it (see `assistant-extras.ts`).
 *
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { has } from './assistant-extras.ts';
import type { PermissionGrant, WidgetAssistant } from './assistant-extras.ts';
import { describePermission } from './consent.ts';
import type { Messages } from './i18n/en.ts';

/** What the settings panel shows; loaded when it opens. */
export interface SettingsData {
  retention?: number | null;
  grants?: PermissionGrant[];
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
}

const retentionChoices = [null, 7, 30, 90, 365] as const;

/** Whether the panel has anything to show for this assistant. */
export function hasSettings(assistant: WidgetAssistant | undefined, canSpeak: boolean): boolean {
  const store = assistant?.store;
  return (
    canSpeak ||
    has(assistant, 'lock') ||
    has(assistant?.skills, 'permissions') ||
    (['erase', 'exportBackup', 'importBackup', 'setRetention'] as const).some((name) => has(store, name))
  );
}

/** Reads the current retention and grants. */
export async function loadSettings(assistant: WidgetAssistant | undefined): Promise<SettingsData> {
  const store = assistant?.store;
  const skills = assistant?.skills;
  const [retention, grants] = await Promise.all([
    has(store, 'retention') ? store.retention() : undefined,
    has(skills, 'permissions') ? skills.permissions() : undefined,
  ]);
  return { ...(retention === undefined ? {} : { retention }), ...(grants ? { grants } : {}) };
}

async function act(props: SettingsProps, action: () => Promise<SettingsData | void>, done: string): Promise<void> {
  try {
    props.onChange({ ...props.data, ...(await action()), note: { text: done, error: false } });
  } catch (error) {
    props.onChange({
      ...props.data,
      note: { text: props.msgs.failed(error instanceof Error ? error.message : String(error)), error: true },
    });
  }
}

function download(data: Blob | Uint8Array | ArrayBuffer): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: 'application/octet-stream' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `confidant-backup-${new Date().toISOString().slice(0, 10)}.confidant`;
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
      async () => download(await store.exportBackup(field(form, 'passphrase').value)),
      msgs.exported,
    ).then(() => form.reset());
  };
  const onImport = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const file = field(form, 'file').files?.[0];
    if (!has(store, 'importBackup') || !file) return;
    void act(
      props,
      async () =>
        void (await store.importBackup(new Uint8Array(await file.arrayBuffer()), field(form, 'passphrase').value)),
      msgs.imported,
    ).then(() => form.reset());
  };
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
        props.onErased();
        return { confirmErase: false, grants: [] };
      },
      msgs.cleared,
    );
  const lock = () => has(assistant, 'lock') && void assistant.lock().then(props.onLocked, props.onLocked);

  return html`<div class="settings" part="settings">
    ${
      props.canSpeak
        ? html`<label class="row"
            ><input
              type="checkbox"
              .checked=${props.readAloud}
              @change=${(e: Event) => props.onReadAloud((e.currentTarget as HTMLInputElement).checked)}
            />${msgs.readRepliesAloud}</label
          >`
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
    ${has(assistant, 'lock') ? html`<button class="button" part="lock-button" type="button" @click=${lock}>${msgs.lock}</button>` : nothing}
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

/**
 * English UI strings of `<confidant-assistant>`: the reference catalogue every other language
 * implements (its shape is the `Messages` type). Every string the widget shows or announces is here.
 *
 * @module
 */

/** English, the default catalogue. */
export const en = {
  title: 'Assistant',
  open: 'Open assistant',
  close: 'Close assistant',
  back: 'Back to the chat',
  newConversation: 'New conversation',
  conversations: 'Past conversations',
  settings: 'Settings',
  offline: 'Offline',
  offlineHint: 'You are offline. Answers still work: everything runs on this device.',
  loading: 'Loading the assistant…',
  loadingPercent: (percent: number) => `Loading the assistant… ${percent}%`,
  loadFailed: 'The assistant could not start.',
  tryAgain: 'Try again',
  welcome: 'Ask me anything. Everything stays on this device.',
  you: 'You',
  assistant: 'Assistant',
  typing: 'The assistant is typing',
  sendFailed: 'Not sent.',
  retry: 'Retry',
  earlier: 'Show earlier messages',
  suggestions: 'Suggested replies',
  newTab: '(opens in a new tab)',
  message: 'Message',
  placeholder: 'Type a message',
  send: 'Send',
  speak: 'Speak',
  stopListening: 'Stop listening',
  listening: 'Listening…',
  readAloud: 'Read aloud',
  stopReading: 'Stop reading',
  readRepliesAloud: 'Read replies aloud',
  unlockTitle: 'Unlock your history',
  unlockHint:
    'Your conversations are encrypted with your passphrase. On first use, the passphrase you enter here is set.',
  passphrase: 'Passphrase',
  unlock: 'Unlock',
  wrongPassphrase: 'That passphrase is wrong. Nothing was changed.',
  lock: 'Lock now',
  clearHistory: 'Delete all history',
  clearConfirm: 'Delete every conversation and all data on this device? This cannot be undone.',
  confirmDelete: 'Delete',
  cancel: 'Cancel',
  cleared: 'All history was deleted.',
  exportTitle: 'Export a backup',
  exportHint: 'The backup file is encrypted with the passphrase you choose here.',
  export: 'Export',
  exported: 'Backup saved.',
  importTitle: 'Import a backup',
  backupFile: 'Backup file',
  import: 'Import',
  imported: 'Backup imported.',
  retention: 'Keep history for',
  retentionForever: 'Forever',
  retentionDays: (days: number) => (days === 1 ? '1 day' : `${days} days`),
  saved: 'Saved.',
  permissionsTitle: 'Permissions you granted',
  noPermissions: 'No skill has any permission.',
  revoke: 'Revoke',
  failed: (message: string) => `That did not work: ${message}`,
  consentTitle: 'Permission request',
  consentBody: (skill: string, what: string) => `“${skill}” asks to ${what}.`,
  consentChanged: 'You allowed an earlier version of this skill; this one changed (new code, endpoint or data sent).',
  consentImported: 'This permission came in a backup: confirm it before it is used.',
  consentSends: (origin: string, earlierTurns: number) =>
    earlierTurns === 0
      ? `Each time, it sends your current message to ${origin}, and nothing earlier.`
      : `Each time, it sends your current message and the ${earlierTurns === 1 ? 'previous message' : `${earlierTurns} previous messages`} of this conversation to ${origin}.`,
  allow: 'Allow',
  deny: 'Deny',
  permission: {
    network: (origins: string) => (origins ? `connect to ${origins}` : 'connect to the network'),
    storage: () => 'keep its own data on this device',
    profile: () => 'know your name',
    schedule: () => 'remind you later',
    consequential: () => 'act on your behalf',
    other: (name: string) => `use “${name}”`,
  },
  noConversations: 'No past conversations yet.',
  untitled: 'Untitled conversation',
  current: 'current',
};

/** The shape of a UI catalogue: every language implements exactly these keys. */
export type Messages = typeof en;

/**
 * Voice: speech input through the Web Speech API and read-aloud through `speechSynthesis`, each
 * shown only where the browser has it.
 *
 * Privacy: some browsers recognise speech (and some voices speak) on a remote service — Chromium
 * sends the recording to a server unless on-device recognition is installed. The widget always uses
 * on-device recognition where the browser offers it (`processLocally`, checked with
 * `SpeechRecognition.available()`) and voices with `localService`. Otherwise, in the default `ask`
 * mode, it says so and asks before the first use (the answer is kept, encrypted, by the assistant);
 * `local` never uses a remote service, `any` uses one without asking (the host has told its users),
 * and `off` hides voice. The privacy settings state which is in use (`state`).
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Which speech engines the widget may use. */
export type VoiceMode = 'ask' | 'local' | 'any' | 'off';

/**
 * Where speech input would be recognized: on the device (`local`), by the browser's remote service
 * (`remote`, with whether the user `allowed` it), or nowhere (`off`).
 */
export interface VoiceState {
  status: 'local' | 'remote' | 'off';
  allowed: boolean;
}

// The Web Speech recognition interface is not in TypeScript's DOM library: the part used here.
interface Recognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  processLocally?: boolean;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onend: (() => void) | null;
  onerror: (() => void) | null;
  start(): void;
  stop(): void;
}
interface RecognitionClass {
  new (): Recognition;
  available?(options: { langs: string[]; processLocally: boolean }): Promise<string>;
}

function recognitionClass(): RecognitionClass | undefined {
  const scope = globalThis as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition;
}

/** Detects and drives speech input and output for the host element. */
export class VoiceController implements ReactiveController {
  canListen = false;
  canSpeak = false;
  listening = false;
  /** The question "use the remote service?" is on screen. */
  asking = false;
  /** Where recognition runs (set by detection). */
  state: VoiceState = { status: 'off', allowed: false };
  /** Keeps the user's answer (the assistant's `store.setSpeechConsent`), when it can. */
  persist: ((allowed: boolean) => Promise<void>) | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #onTranscript: (text: string) => void;
  #mode: VoiceMode = 'ask';
  #lang = 'en';
  #recognition: Recognition | undefined;
  #voice: SpeechSynthesisVoice | undefined;

  /**
   * @param host the element
   * @param onTranscript receives the recognised text as it grows
   */
  constructor(host: ReactiveControllerHost, onTranscript: (text: string) => void) {
    this.#host = host;
    this.#onTranscript = onTranscript;
    host.addController(this);
  }

  /** Sets the mode and language, and detects again what is available for them. */
  configure(mode: VoiceMode, lang: string): void {
    if (mode === this.#mode && lang === this.#lang) return;
    this.#mode = mode;
    this.#lang = lang;
    void this.#detect();
  }

  hostConnected(): void {
    globalThis.speechSynthesis?.addEventListener('voiceschanged', this.#pickVoice);
    void this.#detect();
  }

  hostDisconnected(): void {
    globalThis.speechSynthesis?.removeEventListener('voiceschanged', this.#pickVoice);
    this.#recognition?.stop();
    if (this.canSpeak) speechSynthesis.cancel();
  }

  /** Sets whether the user allowed the remote service (read from the assistant). */
  setAllowed(allowed: boolean): void {
    this.state = { ...this.state, allowed };
    this.#host.requestUpdate();
  }

  /** The user's answer to "use the remote service?"; a yes starts listening. */
  answer(allowed: boolean): void {
    this.asking = false;
    this.setAllowed(allowed);
    void this.persist?.(allowed).catch(() => undefined);
    if (allowed) this.toggleListening();
  }

  /** Starts listening, or stops when already listening; asks first before a remote service's first use. */
  toggleListening(): void {
    const Recognizer = recognitionClass();
    if (this.#recognition) return this.#recognition.stop();
    if (!Recognizer || !this.canListen) return;
    if (this.state.status === 'remote' && this.#mode === 'ask' && !this.state.allowed) {
      this.asking = true;
      return this.#host.requestUpdate();
    }
    const recognition = new Recognizer();
    recognition.lang = this.#lang;
    recognition.interimResults = true;
    recognition.continuous = false;
    if (this.state.status === 'local') recognition.processLocally = true;
    recognition.onresult = (event) => {
      this.#onTranscript(Array.from(event.results, (result) => result[0]?.transcript ?? '').join(''));
    };
    recognition.onend = recognition.onerror = () => {
      this.#recognition = undefined;
      this.listening = false;
      this.#host.requestUpdate();
    };
    this.#recognition = recognition;
    this.listening = true;
    recognition.start();
    this.#host.requestUpdate();
  }

  /** Reads a text aloud, interrupting what was being read. */
  speak(text: string): void {
    if (!this.canSpeak || !this.#voice) return;
    speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = this.#voice;
    utterance.lang = this.#voice.lang;
    speechSynthesis.speak(utterance);
  }

  async #detect(): Promise<void> {
    this.#pickVoice();
    const Recognizer = recognitionClass();
    const mode = this.#mode;
    let local = false;
    if (mode !== 'off' && Recognizer?.available) {
      const lang = this.#lang;
      local = await Recognizer.available({ langs: [lang], processLocally: true }).then(
        (availability) => availability === 'available',
        () => false,
      );
      if (lang !== this.#lang || mode !== this.#mode) return;
    }
    const status =
      mode === 'off' || Recognizer === undefined ? 'off' : local ? 'local' : mode === 'local' ? 'off' : 'remote';
    this.state = { ...this.state, status };
    this.canListen = status !== 'off';
    this.#host.requestUpdate();
  }

  #pickVoice = (): void => {
    const base = this.#lang.split('-')[0]?.toLowerCase() ?? '';
    const voices = this.#mode === 'off' || !globalThis.speechSynthesis ? [] : speechSynthesis.getVoices();
    const usable = voices.filter(
      (voice) => (this.#mode === 'any' || voice.localService) && voice.lang.toLowerCase().startsWith(base),
    );
    this.#voice = usable.find((voice) => voice.lang.toLowerCase() === this.#lang.toLowerCase()) ?? usable[0];
    if (this.canSpeak !== (this.#voice !== undefined)) {
      this.canSpeak = this.#voice !== undefined;
      this.#host.requestUpdate();
    }
  };
}

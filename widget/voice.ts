/**
 * Voice: speech input through the Web Speech API and read-aloud through `speechSynthesis`, each
 * shown only where the browser has it.
 *
 * Privacy: some browsers recognise speech (and some voices speak) on a remote service. In the
 * default `local` mode the widget uses only on-device recognition (`processLocally`, checked with
 * `SpeechRecognition.available()`) and voices with `localService`; `any` allows the browser's
 * remote services too, and `off` hides both.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Which speech engines the widget may use. */
export type VoiceMode = 'local' | 'any' | 'off';

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

  readonly #host: ReactiveControllerHost;
  readonly #onTranscript: (text: string) => void;
  #mode: VoiceMode = 'local';
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

  /** Starts listening, or stops when already listening. */
  toggleListening(): void {
    const Recognizer = recognitionClass();
    if (this.#recognition) return this.#recognition.stop();
    if (!Recognizer || !this.canListen) return;
    const recognition = new Recognizer();
    recognition.lang = this.#lang;
    recognition.interimResults = true;
    recognition.continuous = false;
    if (this.#mode === 'local') recognition.processLocally = true;
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
    let canListen = this.#mode === 'any' && Recognizer !== undefined;
    if (this.#mode === 'local' && Recognizer?.available) {
      const lang = this.#lang;
      canListen = await Recognizer.available({ langs: [lang], processLocally: true }).then(
        (availability) => availability === 'available',
        () => false,
      );
      if (lang !== this.#lang) return;
    }
    if (canListen !== this.canListen) {
      this.canListen = canListen;
      this.#host.requestUpdate();
    }
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

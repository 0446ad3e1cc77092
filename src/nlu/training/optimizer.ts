/**
 * Adam with decoupled weight decay (AdamW), dense for the small matrices and "lazy" (row-sparse)
 * for the embedding table, so one step costs the rows a batch touched rather than the whole
 * table. Hand-written: a few loops over `Float32Array`s, where a tensor library would weigh
 * megabytes in a Worker that only needs this.
 *
 * @module
 */

/** Hyper-parameters of {@link Adam}. */
export interface AdamOptions {
  /** Step size. */
  learningRate: number;
  /** Decoupled weight decay per step, relative to the learning rate. @default 0 */
  weightDecay?: number;
  /** @default 0.9 */
  beta1?: number;
  /** @default 0.999 */
  beta2?: number;
  /** @default 1e-8 */
  epsilon?: number;
}

/** Adam state for one parameter tensor. */
export class Adam {
  readonly #m: Float32Array;
  readonly #v: Float32Array;
  readonly #beta1: number;
  readonly #beta2: number;
  readonly #epsilon: number;
  readonly #decay: number;
  /** The step size; the trainer may lower it on a schedule. */
  learningRate: number;
  #t = 0;

  /**
   * @param size the number of parameters of the tensor
   * @param options hyper-parameters
   */
  constructor(size: number, options: AdamOptions) {
    this.#m = new Float32Array(size);
    this.#v = new Float32Array(size);
    this.learningRate = options.learningRate;
    this.#decay = options.weightDecay ?? 0;
    this.#beta1 = options.beta1 ?? 0.9;
    this.#beta2 = options.beta2 ?? 0.999;
    this.#epsilon = options.epsilon ?? 1e-8;
  }

  /** Advances the step counter; call once per batch before the updates of that batch. */
  tick(): void {
    this.#t++;
  }

  /** The bias-corrected step size of the current step. */
  #stepSize(): number {
    return (this.learningRate * Math.sqrt(1 - this.#beta2 ** this.#t)) / (1 - this.#beta1 ** this.#t);
  }

  /**
   * Updates every parameter from its gradient.
   * @param params the parameters, updated in place
   * @param grads the gradient, same length
   */
  updateDense(params: Float32Array, grads: Float32Array): void {
    this.#updateRange(params, grads, 0, params.length, this.#stepSize());
  }

  /**
   * Updates only the given rows of a `[rows, width]` table (lazy Adam: untouched rows keep
   * their moments, which is what makes sparse features train well).
   * @param params the table, updated in place
   * @param grads its gradient table (only the listed rows are read)
   * @param rows the row indices the batch touched, each once
   * @param width the row width
   */
  updateRows(params: Float32Array, grads: Float32Array, rows: ArrayLike<number>, width: number): void {
    const step = this.#stepSize();
    for (let i = 0; i < rows.length; i++) {
      const start = (rows[i] as number) * width;
      this.#updateRange(params, grads, start, start + width, step);
    }
  }

  #updateRange(params: Float32Array, grads: Float32Array, from: number, to: number, step: number): void {
    const m = this.#m;
    const v = this.#v;
    const b1 = this.#beta1;
    const b2 = this.#beta2;
    const eps = this.#epsilon;
    const decay = 1 - this.learningRate * this.#decay;
    for (let i = from; i < to; i++) {
      const g = grads[i] as number;
      const mi = b1 * (m[i] as number) + (1 - b1) * g;
      const vi = b2 * (v[i] as number) + (1 - b2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] = (params[i] as number) * decay - (step * mi) / (Math.sqrt(vi) + eps);
    }
  }
}

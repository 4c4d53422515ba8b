/** Timers the emulator can cancel all at once on close, so no build or run outlives it. */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>()
  private cleared = false

  /** True once clear() has run: work finishing in the background must then change nothing. */
  get closed(): boolean {
    return this.cleared
  }

  /** Resolves after `ms`, unless clear() runs first (then it never resolves). */
  delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer)
        resolve()
      }, ms)
      this.pending.add(timer)
    })
  }

  clear(): void {
    this.cleared = true
    for (const timer of this.pending) clearTimeout(timer)
    this.pending.clear()
  }
}

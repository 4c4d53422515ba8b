import { isBareNumber, parseDuration } from '../shared/duration.js'
import type { InputProblem } from '../shared/errors.js'
import { LINE_BREAK, hasLineBreak } from '../shared/text.js'
import { INPUT_DEFAULTS, type InputName } from './defaults.js'
import type { InputSource } from './spec.js'

export type Fail = (input: string, problem: string, fix?: string) => undefined

/** Inputs that may span lines: everything else is refused with a line break in it. */
const MULTI_LINE_INPUTS = new Set(['schema', 'smoke-test-input', 'smoke-test-expect', 'extra-files'])

/**
 * Reads inputs and collects every problem (so a user fixes a workflow in one round)
 * and the notices and warnings found on the way.
 */
export class InputReader {
  readonly problems: InputProblem[] = []
  readonly notices: string[] = []
  readonly warnings: string[] = []
  /** Inputs already refused for a line break: later checks of their value would only repeat it. */
  private readonly broken = new Set<string>()

  constructor(readonly source: InputSource) {}

  readonly fail: Fail = (input, problem, fix) => {
    if (!this.broken.has(input)) this.problems.push({ input, problem, fix })
    return undefined
  }

  /**
   * An input's value, trimmed. A single-line input holding a line break (any of
   * LINE_BREAK: printed, one could start a workflow command) is refused without echoing
   * the value (it may be a secret or a forged command) and read with its breaks as
   * spaces, so the other checks still run.
   */
  get(input: InputName): string {
    const raw = this.source.get(input)
    if (MULTI_LINE_INPUTS.has(input) || !hasLineBreak(raw)) return raw
    this.refuseLineBreak(input, 'holds a line break, but it takes a single line.')
    return raw.replace(new RegExp(LINE_BREAK.source, 'g'), ' ')
  }

  /** The input, else its default (INPUT_DEFAULTS, as action.yml gives it). */
  orDefault(input: InputName): string {
    return this.get(input) || INPUT_DEFAULTS[input]
  }

  /** The input, else the first of `variables` that is set (both single-line). */
  fromEnv(input: InputName, variables: readonly string[]): string {
    const direct = this.get(input)
    if (direct) return direct
    for (const name of variables) {
      const value = this.source.env[name]?.trim()
      if (!value) continue
      if (hasLineBreak(value))
        this.refuseLineBreak(input, `is not set, and the variable ${name} it falls back to holds a line break.`)
      return value
    }
    return ''
  }

  private refuseLineBreak(input: string, problem: string): void {
    this.fail(input, problem, 'Write the value on one line (check the YAML: a | or > block keeps line breaks).')
    this.broken.add(input)
  }

  /** true or false (also yes/no, on/off, 1/0, any case); the default when empty. */
  boolean(input: InputName): boolean {
    const fallback = INPUT_DEFAULTS[input] === 'true'
    const raw = this.get(input)
    if (raw === '') return fallback
    if (/^(true|yes|on|1)$/i.test(raw)) return true
    if (/^(false|no|off|0)$/i.test(raw)) return false
    this.fail(input, `'${raw}' is not a boolean.`, 'Use true or false.')
    return fallback
  }

  /**
   * A duration (90s, 20m, 1h30m) in milliseconds, at least `minMs`; the default when empty.
   * A bare number is refused (src/shared/duration.ts says why), naming both readings.
   */
  duration(input: InputName, minMs: number): number {
    const fallback = INPUT_DEFAULTS[input]
    const raw = this.get(input) || fallback
    const ms = parseDuration(raw)
    if (ms === undefined && isBareNumber(raw)) {
      this.fail(
        input,
        `'${raw}' has no unit: it could mean seconds or minutes.`,
        `Write the unit: ${raw}s for seconds, ${raw}m for minutes (units: ms, s, m, h, as in 1h30m).`
      )
      return parseDuration(fallback) as number
    }
    if (ms === undefined) {
      this.fail(input, `'${raw}' is not a duration.`, 'Write it like 90s, 20m or 1h30m.')
      return parseDuration(fallback) as number
    }
    if (ms < minMs) {
      this.fail(input, `'${raw}' is too short.`, `Use at least ${minMs / 1000}s.`)
      return minMs
    }
    return ms
  }

  /** One of `choices`, case-insensitively; the default when empty. */
  choice<T extends string>(input: InputName, choices: readonly T[], what: string): T {
    const fallback = choices.find((choice) => choice === INPUT_DEFAULTS[input])
    if (fallback === undefined) throw new Error(`The default of input '${input}' is not one of its choices.`)
    const raw = this.get(input)
    if (!raw) return fallback
    const found = choices.find((choice) => choice.toLowerCase() === raw.toLowerCase())
    if (found) return found
    this.fail(input, `'${raw}' is not ${what}.`, `Use one of ${choices.join(', ')}.`)
    return fallback
  }
}

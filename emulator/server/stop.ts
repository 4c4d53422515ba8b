/** A command-line server's end: SIGINT or SIGTERM closes it once, then the process exits (1 if closing failed). */
export function stopOnSignals(close: () => Promise<void>, log?: (line: string) => void): void {
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    log?.(`${signal}: stopping`)
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

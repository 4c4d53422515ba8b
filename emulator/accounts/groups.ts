/** The server's groups: exact names (no normalising), each with the token its run calls need. */
import { badInput, notFound } from '../http/errors.js'
import { hex, timestamp } from '../wire.js'

interface Group {
  description: string
  token: string
  createdAt: Date
}

export class Groups {
  private readonly byName = new Map<string, Group>()

  /** `initial`: group name -> token, the groups that exist from the start. */
  constructor(initial: Record<string, string>) {
    for (const [name, token] of Object.entries(initial)) {
      this.byName.set(name, { description: 'Created by the emulator at start-up', token, createdAt: new Date() })
    }
  }

  /** Throws the 404 a call naming an unknown group answers. */
  check(name: string): void {
    if (!this.byName.has(name)) throw notFound(`Group '${name}' does not exist`)
  }

  tokenOf(name: string): string | undefined {
    return this.byName.get(name)?.token
  }

  isGroupToken(token: string): boolean {
    for (const group of this.byName.values()) if (group.token === token) return true
    return false
  }

  list(): Array<{ Name: string; Description: string; CreatedAt: string }> {
    return [...this.byName].map(([name, g]) => ({
      Name: name,
      Description: g.description,
      CreatedAt: timestamp(g.createdAt)
    }))
  }

  /** G2: a new group; answers its token. */
  create(name: string | undefined, description: string | undefined): string {
    if (!name) throw badInput("Form field 'name' is required")
    // The name becomes a folder under dataDir.
    if (/[/\\]/.test(name) || name.startsWith('.'))
      throw badInput(`Group name '${name}' may not contain '/' or '\\' or start with '.'`)
    // 400, as the server neomaril-codex 2.1.1 spoke to (its create_group() reads 400 as
    // "already exists" and returns False); later servers answer 409.
    if (this.byName.has(name)) throw badInput(`Group '${name}' already exists`)
    const token = hex(32)
    this.byName.set(name, { description: description ?? '', token, createdAt: new Date() })
    return token
  }
}

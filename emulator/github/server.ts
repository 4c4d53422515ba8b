/**
 * The stand-in's request loop: base path, operation of the cut, token, repository, permission,
 * the request checked against the cut (422 when it does not fit), the answer checked too.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createComment, getComment, listComments, updateComment } from './comments.js'
import {
  createDeployment,
  createStatus,
  getDeployment,
  getStatus,
  listDeployments,
  listStatuses
} from './deployments.js'
import type { OpenApiCut, Route } from './openapi.js'
import { gitHubError, notFound, type Answer, type Call, type State } from './state.js'
import type { Access, GitHubFault, RecordedRequest, TokenPermissions } from './types.js'

type Permission = keyof TokenPermissions
interface Operation {
  handle(state: State, call: Call): Answer
  /** Any one of these, at `access` or above, is enough. */
  needs: Permission[]
  access: Access
}

/** The operations the stand-in serves; each must be in the cut (the cut script's OPERATIONS). */
export const OPERATIONS: Record<string, Operation> = {
  'repos/list-deployments': { handle: listDeployments, needs: ['deployments'], access: 'read' },
  'repos/create-deployment': { handle: createDeployment, needs: ['deployments'], access: 'write' },
  'repos/get-deployment': { handle: getDeployment, needs: ['deployments'], access: 'read' },
  'repos/list-deployment-statuses': { handle: listStatuses, needs: ['deployments'], access: 'read' },
  'repos/create-deployment-status': { handle: createStatus, needs: ['deployments'], access: 'write' },
  'repos/get-deployment-status': { handle: getStatus, needs: ['deployments'], access: 'read' },
  // A pull request's conversation is issue comments: either permission reaches them.
  'issues/list-comments': { handle: listComments, needs: ['issues', 'pull_requests'], access: 'read' },
  'issues/create-comment': { handle: createComment, needs: ['issues', 'pull_requests'], access: 'write' },
  'issues/get-comment': { handle: getComment, needs: ['issues', 'pull_requests'], access: 'read' },
  'issues/update-comment': { handle: updateComment, needs: ['issues', 'pull_requests'], access: 'write' }
}

export interface ServerSetup {
  state: State
  cut: OpenApiCut
  basePath: string
  repositories: string[]
  tokens: Record<string, TokenPermissions>
  requests: RecordedRequest[]
  violations: string[]
  /** Answers to give instead of acting, consumed in order (GitHubStandIn.fail). */
  faults: GitHubFault[]
  log?: (line: string) => void
}

const GENERAL_DOCS = 'https://docs.github.com/rest'

function allows(granted: TokenPermissions, op: Operation): boolean {
  return op.needs.some((p) => granted[p] === 'write' || (op.access === 'read' && granted[p] === 'read'))
}

function tokenOf(req: IncomingMessage): string | undefined {
  const match = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  return match?.[1]
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, answer: Answer): void {
  const text = JSON.stringify(answer.json)
  res.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-GitHub-Media-Type': 'github.v3; format=json',
    ...answer.headers
  })
  res.end(text)
}

export function createHandler(setup: ServerSetup): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { state, cut, basePath, violations } = setup
  return async (req, res) => {
    const url = new URL(req.url ?? '/', state.roots.api)
    const method = req.method ?? 'GET'
    const query = Object.fromEntries(url.searchParams)
    const text = await readBody(req)
    const record: RecordedRequest = { method, path: url.pathname, query, body: undefined, status: 0 }
    setup.requests.push(record)
    const answer = answerFor(url, method, query, text, record, tokenOf(req))
    record.status = answer.status
    setup.log?.(`${method} ${url.pathname}${url.search} → ${answer.status}`)
    send(res, answer)
  }

  function answerFor(
    url: URL,
    method: string,
    query: Record<string, string>,
    text: string,
    record: RecordedRequest,
    token: string | undefined
  ): Answer {
    const general = { docs: GENERAL_DOCS }
    if (!url.pathname.startsWith(`${basePath}/`)) {
      violations.push(`${method} ${url.pathname}: outside the base path '${basePath}'`)
      return notFound(general)
    }
    const pathname = url.pathname.slice(basePath.length)
    record.path = pathname
    let route: Route | undefined
    let params: Record<string, string> | undefined
    for (const candidate of cut.routes) {
      if (candidate.method !== method) continue
      params = candidate.match(pathname)
      if (params) {
        route = candidate
        break
      }
    }
    if (!route || !params) {
      violations.push(`${method} ${pathname}: no operation of the cut (${cut.source}) has this method and path`)
      return notFound(general)
    }
    record.operationId = route.operationId
    const operation = OPERATIONS[route.operationId]
    if (!operation) {
      violations.push(`${route.operationId}: in the cut but not served by the stand-in`)
      return notFound(route)
    }
    let body: unknown
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text)
        record.body = body
      } catch {
        violations.push(`${route.operationId}: the body is not JSON`)
        return gitHubError(route, 400, 'Problems parsing JSON')
      }
    }
    const answer = answered(route, operation, params, query, body, url, token)
    violations.push(...route.checkResponse(answer.status, answer.json))
    return answer
  }

  function answered(
    route: Route,
    operation: Operation,
    params: Record<string, string>,
    query: Record<string, string>,
    body: unknown,
    self: URL,
    token: string | undefined
  ): Answer {
    if (token === undefined) return gitHubError(route, 401, 'Requires authentication')
    const granted = setup.tokens[token]
    if (!granted) return gitHubError(route, 401, 'Bad credentials')
    const wanted = `${params.owner}/${params.repo}`.toLowerCase()
    const repository = setup.repositories.find((r) => r.toLowerCase() === wanted)
    if (!repository) return notFound(route)
    if (!allows(granted, operation)) return gitHubError(route, 403, 'Resource not accessible by integration')
    const asked = route.checkParams(params, query)
    const sent = route.checkBody(body)
    violations.push(...asked.unknown, ...sent.unknown)
    const misfits = [...asked.misfits, ...sent.misfits]
    if (misfits.length > 0) {
      violations.push(...misfits)
      const said = [...asked.misfits, ...(sent.said ?? sent.misfits)]
      return gitHubError(route, 422, `Invalid request.\n\n${said.join('\n')}`)
    }
    const call: Call = { repository, params, query, body, self, docs: route.docs }
    const fault = setup.faults.find((f) => f.operationId === route.operationId && f.times > 0)
    if (fault) {
      fault.times -= 1
      return gitHubError(route, fault.status, fault.message ?? (fault.status >= 500 ? 'Server Error' : 'Injected'))
    }
    return operation.handle(state, call)
  }
}

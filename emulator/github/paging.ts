/** GitHub's pagination: `per_page` (default 30, at most 100), `page` (from 1), and the `Link` header. */

export interface Page<T> {
  items: T[]
  headers: Record<string, string>
}

/** `self` is the request's full URL (its other query parameters are kept in the links). */
export function paginate<T>(all: T[], query: Record<string, string>, self: URL): Page<T> {
  const perPage = Math.min(Math.max(Number(query.per_page ?? 30) || 30, 1), 100)
  const page = Math.max(Number(query.page ?? 1) || 1, 1)
  const last = Math.max(Math.ceil(all.length / perPage), 1)
  const items = all.slice((page - 1) * perPage, page * perPage)
  const link = (n: number, rel: string): string => {
    const url = new URL(self)
    url.searchParams.set('page', String(n))
    if (query.per_page !== undefined) url.searchParams.set('per_page', String(perPage))
    return `<${url.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(link(page - 1, 'prev'))
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  return { items, headers: links.length > 0 ? { Link: links.join(', ') } : {} }
}

/** Previous/next links that keep the list's filters (search, role...). */
export function pageLinks(
  basePath: string,
  filters: Record<string, unknown>,
  page: number,
  pageCount: number,
): { prevHref?: string; nextHref?: string } {
  const href = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      if (key !== 'page' && value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    params.set('page', String(target));
    return `${basePath}?${params.toString()}`;
  };
  return { prevHref: page > 1 ? href(page - 1) : undefined, nextHref: page < pageCount ? href(page + 1) : undefined };
}

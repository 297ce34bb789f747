/** One JSON call to a running server: the status and the parsed body (undefined when empty). */
export async function apiCall(
  base: string,
  method: string,
  path: string,
  { body, token }: { body?: unknown; token?: string } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field
): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

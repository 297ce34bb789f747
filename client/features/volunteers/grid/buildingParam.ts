/** The building named in a route parameter; a name that is not valid percent-encoding is taken as it is. */
export function buildingParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

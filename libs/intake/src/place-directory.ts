import type { PlaceDirectory } from './dispute-draft.builder';

/** Street and community names → codes, from the district's own tables (exact names; unknown → null). */
export class NamedPlaceDirectory implements PlaceDirectory {
  private readonly streets: Map<string, string>;
  private readonly communities: Map<string, string>;

  constructor(
    streets: { code: string; name: string }[],
    communities: { code: string; streetCode: string; name: string }[],
  ) {
    this.streets = new Map(streets.map((s) => [s.name, s.code]));
    this.communities = new Map(communities.map((c) => [`${c.streetCode}|${c.name}`, c.code]));
  }

  streetCode(name: string | null): string | null {
    return name ? (this.streets.get(name.trim()) ?? null) : null;
  }

  communityCode(streetCode: string | null, name: string | null): string | null {
    return streetCode && name ? (this.communities.get(`${streetCode}|${name.trim()}`) ?? null) : null;
  }
}

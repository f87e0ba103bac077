import { Injectable } from '@nestjs/common';
import { Executor, schema } from '@tiaojie/db';

/** The district's street and community names, read once per import to turn exported names into codes. */
@Injectable()
export class PlaceDirectoryRepository {
  /** The directory's street names, and the names the district admin mapped to a street (the directory's win). */
  async streets(db: Executor): Promise<{ code: string; name: string }[]> {
    const aliases = await db
      .select({ code: schema.streetAliases.streetCode, name: schema.streetAliases.name })
      .from(schema.streetAliases);
    const streets = await db
      .select({ code: schema.streets.code, name: schema.streets.name })
      .from(schema.streets);
    return [...aliases, ...streets];
  }

  async communities(db: Executor): Promise<{ code: string; streetCode: string; name: string }[]> {
    return db
      .select({
        code: schema.communities.code,
        streetCode: schema.communities.streetCode,
        name: schema.communities.name,
      })
      .from(schema.communities);
  }
}

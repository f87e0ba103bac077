import { Global, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { DbService } from './db.service';

@Global()
@Module({})
export class DbModule implements OnApplicationShutdown {
  constructor(@Inject(DbService) private readonly dbService: DbService) {
    dbService.retain();
  }

  /** Provide an already connected and migrated DbService (connecting is async and happens before Nest boots). */
  static forRoot(db: DbService) {
    return { module: DbModule, providers: [{ provide: DbService, useValue: db }], exports: [DbService] };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dbService.release();
  }
}

import { Module } from '@nestjs/common';
import { StatsModule } from '@tiaojie/stats';
import { StatsController } from './stats.controller';

/** HTTP for libs/stats: dashboard, annual report documents, early warning. */
@Module({ imports: [StatsModule], controllers: [StatsController] })
export class StatsApiModule {}

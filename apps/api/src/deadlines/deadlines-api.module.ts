import { Module } from '@nestjs/common';
import { CalendarModule } from '@tiaojie/deadlines';
import { CasesModule } from '@tiaojie/cases';
import { DeadlinesController } from './deadlines.controller';

/** Deadline endpoints; registers the (global) calendar module for the whole api. */
@Module({ imports: [CalendarModule.forRoot(), CasesModule], controllers: [DeadlinesController] })
export class DeadlinesApiModule {}

import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, loadConfig } from './app-config';
import { Clock, SystemClock } from './clock';

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig = loadConfig(), clock: Clock = new SystemClock()) {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}

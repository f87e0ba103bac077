import { Injectable } from '@nestjs/common';
import { Actor, DomainError, RealtimePublisher, Role, channels } from '@tiaojie/core';
import { IntakeImportService, type ImportSummary } from './intake-import.service';

export const IMPORT_PROGRESS_EVENT = 'import:progress';

/** A district admin's upload: the same import, with progress sent to the uploader's sockets (`user:<id>`). */
@Injectable()
export class IntakeUploadService {
  constructor(
    private readonly importer: IntakeImportService,
    private readonly publisher: RealtimePublisher,
  ) {}

  async importUpload(actor: Actor, path: string, fileName: string): Promise<ImportSummary> {
    if (actor.role !== Role.DistrictAdmin || !actor.id)
      throw DomainError.forbidden('只有区级管理员可以导入数据');
    const channel = channels.user(actor.id);
    return this.importer.importFile(path, {
      actor,
      origin: 'upload',
      fileName,
      onProgress: (p) => this.publisher.publish([{ channel, event: IMPORT_PROGRESS_EVENT, payload: p }]),
    });
  }
}

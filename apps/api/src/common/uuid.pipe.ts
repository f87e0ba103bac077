import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { isUuid } from '@tiaojie/core';

/** A path id in the one UUID shape the domain checks (isUuid): anything else is refused like any malformed request. */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (!isUuid(value)) throw new BadRequestException('Validation failed (uuid is expected)');
    return value;
  }
}

export const uuid = new UuidPipe();

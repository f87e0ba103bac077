import { BadRequestException } from '@nestjs/common';
import { uuid } from './uuid.pipe';

describe('uuid pipe', () => {
  it('passes a UUID through and refuses anything else as a bad request', () => {
    const id = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';
    expect(uuid.transform(id)).toBe(id);
    for (const bad of ['not-a-uuid', '-'.repeat(36), `${id}0`, 42, undefined])
      expect(() => uuid.transform(bad)).toThrow(BadRequestException);
  });
});

import { DomainError } from '@tiaojie/core';
import { checkClientMsgId, checkText } from './message.service';

describe('message text checks', () => {
  it('keeps text exactly as sent, surrogate pairs included', () => {
    expect(checkText('请双方冷静 😀 𩸽')).toBe('请双方冷静 😀 𩸽');
    expect(checkClientMsgId('c-😀')).toBe('c-😀');
  });

  it('refuses unpaired surrogates in a body or a client message id with VALIDATION_FAILED', () => {
    for (const bad of ['\ud800', '好\udc00', '😀\ud83d']) {
      expect(() => checkText(bad)).toThrow(DomainError);
      expect(() => checkText(bad)).toThrow(/无效的 Unicode 字符/);
      expect(() => checkClientMsgId(bad)).toThrow(/消息编号/);
    }
  });
});

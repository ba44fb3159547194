import { sha512 } from 'js-sha512';
import { describe, expect, it } from 'vitest';
import { loginBody } from './client';
import { toApiError } from './errors';

describe('login', () => {
  it('sends only name and SHA-512 password when nothing more is asked', () => {
    expect(loginBody('admin', '', 'password')).toEqual({ logInByAccount: { accountName: 'admin', password: sha512('password') } });
    expect(loginBody('acme', 'bob', 'pw')).toEqual({ logInByUser: { accountName: 'acme', userName: 'bob', password: sha512('pw') } });
  });

  it('adds the captcha (ZStack captchaUuid, verifyCode) and the TOTP code (system tag twofatoken::)', () => {
    expect(loginBody('acme', '', 'pw', { captchaUuid: 'c1', verifyCode: 'x7k2', twoFactorCode: '123456' })).toEqual({
      logInByAccount: { accountName: 'acme', password: sha512('pw'), captchaUuid: 'c1', verifyCode: 'x7k2' },
      systemTags: ['twofatoken::123456'],
    });
  });

  it('recognises the login-protection errors', () => {
    expect(toApiError(401, { error: { code: 'ID.1005', description: 'captcha' } }).captchaRequired).toBe(true);
    expect(toApiError(401, { error: { code: 'ID.1006', description: 'code' } }).twoFactorRequired).toBe(true);
    expect(toApiError(401, { error: { code: 'ID.1004', description: 'quota' } }).captchaRequired).toBe(false);
  });
});

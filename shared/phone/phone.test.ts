import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it('stores spaced, +84 and 84- forms of one mobile number as the same national number', () => {
    for (const input of ['0905 123 456', '+84 905 123 456', '84-905-123-456', '0905.123.456']) {
      assert.deepEqual(normalizePhone(input), { ok: true, phone: '0905123456' }, input);
    }
  });

  it('accepts Khánh Hòa and Hà Nội landlines with their area codes', () => {
    assert.deepEqual(normalizePhone('(0258) 382 2123'), { ok: true, phone: '02583822123' });
    assert.deepEqual(normalizePhone('024 3825 1234'), { ok: true, phone: '02438251234' });
  });

  it('rejects wrong lengths with a message that says how many digits are needed', () => {
    const short = normalizePhone('090512345');
    assert.equal(short.ok, false);
    assert.match(!short.ok ? short.message : '', /10 chữ số/);
    const longLandline = normalizePhone('025838221234');
    assert.match(!longLandline.ok ? longLandline.message : '', /11 chữ số/);
  });

  it('rejects prefixes that are not Vietnamese mobile prefixes or area codes', () => {
    const mobile = normalizePhone('0111234567');
    assert.match(!mobile.ok ? mobile.message : '', /Đầu số 011/);
    const landline = normalizePhone('02011234567');
    assert.match(!landline.ok ? landline.message : '', /Mã vùng 0201/);
  });

  it('rejects letters', () => {
    assert.equal(normalizePhone('0905abc456').ok, false);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc16, parseTlv, vietQrPayload } from './vietqr';

/** NAPAS VietQR specification v1.0, §6.1.3 example (dynamic, to account, with amount and content). */
const NAPAS_SAMPLE =
  '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E';

describe('VietQR payload', () => {
  it('computes CRC-16/CCITT-FALSE with its standard check value', () => {
    assert.equal(crc16('123456789'), '29B1');
    assert.equal(crc16(''), 'FFFF');
  });

  it('reproduces the NAPAS specification example byte for byte, CRC included', () => {
    const payload = vietQrPayload({
      bankBin: '970403',
      accountNumber: '0011012345678',
      amount: 180000,
      billNumber: 'NPS6869',
      content: 'thanh toan don hang',
    });

    assert.equal(payload, NAPAS_SAMPLE);
  });

  it('makes a static QR (point of initiation 11) when no amount is given', () => {
    assert.equal(
      vietQrPayload({ bankBin: '970403', accountNumber: '0011012345678' }),
      '00020101021138570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN63049E6F',
    );
  });

  it('lays out a bill payment field by field, and its CRC covers everything before it', () => {
    const payload = vietQrPayload({
      bankBin: '970436',
      accountNumber: '1000000001',
      amount: 44000,
      content: 'NGP1A2B3C4D',
    });
    const fields = parseTlv(payload);

    assert.deepEqual(
      fields.map((f) => f.id),
      ['00', '01', '38', '53', '54', '58', '62', '63'],
    );
    const byId = Object.fromEntries(fields.map((f) => [f.id, f.value]));
    assert.equal(byId['00'], '01');
    assert.equal(byId['01'], '12');
    assert.equal(byId['53'], '704');
    assert.equal(byId['54'], '44000');
    assert.equal(byId['58'], 'VN');
    assert.deepEqual(parseTlv(byId['62']), [{ id: '08', value: 'NGP1A2B3C4D' }]);
    const account = parseTlv(byId['38']);
    assert.deepEqual(account, [
      { id: '00', value: 'A000000727' },
      { id: '01', value: '00069704360110' + '1000000001' },
      { id: '02', value: 'QRIBFTTA' },
    ]);
    assert.deepEqual(parseTlv(account[1].value), [
      { id: '00', value: '970436' },
      { id: '01', value: '1000000001' },
    ]);
    assert.equal(byId['63'], crc16(payload.slice(0, -4)));
  });

  it('refuses a bad BIN, account number, amount or content', () => {
    const base = { bankBin: '970436', accountNumber: '1000000001' };
    for (const input of [
      { ...base, bankBin: '97043' },
      { ...base, accountNumber: '1000-0001' },
      { ...base, amount: 0 },
      { ...base, amount: 1.5 },
      { ...base, content: 'Phí rác' },
      { ...base, content: 'X'.repeat(26) },
    ])
      assert.throws(() => vietQrPayload(input), { code: 'validation.failed' });
  });
});

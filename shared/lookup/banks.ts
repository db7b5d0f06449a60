/**
 * Names of the banks most residents use, by NAPAS BIN, to show beside a VietQR code (the code
 * itself carries only the BIN). A bank not listed is named by its BIN; the transfer still works.
 */
const BANK_NAMES: Record<string, string> = {
  '970436': 'Vietcombank',
  '970415': 'VietinBank',
  '970418': 'BIDV',
  '970405': 'Agribank',
  '970422': 'MB Bank',
  '970407': 'Techcombank',
  '970416': 'ACB',
  '970432': 'VPBank',
  '970423': 'TPBank',
  '970403': 'Sacombank',
  '970437': 'HDBank',
  '970441': 'VIB',
  '970443': 'SHB',
  '970431': 'Eximbank',
  '970426': 'MSB',
  '970448': 'OCB',
  '970440': 'SeABank',
  '970449': 'LPBank',
};

export const bankName = (bin: string): string => BANK_NAMES[bin] ?? `Ngân hàng mã ${bin}`;

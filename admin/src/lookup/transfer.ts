import type { PublicQr } from '../../../shared/lookup/answer';
import { h, replace } from './dom';
import { formatVnd } from './format';

/** Copies a value, telling the resident it worked; a browser without the clipboard just skips. */
const copyButton = (value: string, label: string) => {
  const button = h('button', { type: 'button', class: 'copy', 'aria-label': `Sao chép ${label}` });
  button.textContent = 'Sao chép';
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(value);
      button.textContent = 'Đã chép';
    } catch {
      button.textContent = 'Hãy chép tay';
    }
  });

  return button;
};

const field = (label: string, value: string, copyable = false) => [
  h('dt', {}, label),
  h('dd', {}, h('span', { class: 'value' }, value), copyable && copyButton(value, label)),
];

/**
 * A bank transfer by VietQR: the code to scan in any banking app, and the same details to type
 * by hand. The transfer content must be kept as shown: it is how the ward matches the money.
 */
export const renderTransfer = (root: HTMLElement, qr: PublicQr, resultUrl: string): void => {
  replace(
    root,
    h(
      'section',
      { class: 'card transfer', 'aria-labelledby': 'transfer-title' },
      h('h2', { id: 'transfer-title', tabindex: -1 }, 'Chuyển khoản bằng mã VietQR'),
      h('p', {}, 'Mở ứng dụng ngân hàng, chọn quét mã QR và quét mã dưới đây.'),
      qr.image
        ? h('img', {
            class: 'qr',
            src: qr.image,
            width: 240,
            height: 240,
            alt: `Mã VietQR chuyển ${formatVnd(qr.amount)} đến tài khoản ${qr.accountNumber}`,
          })
        : h('p', { class: 'qr-text' }, qr.payload),
      h(
        'dl',
        {},
        ...field('Ngân hàng', qr.bankName),
        ...field('Số tài khoản', qr.accountNumber, true),
        ...field('Chủ tài khoản', qr.accountName),
        ...field('Số tiền', formatVnd(qr.amount)),
        ...field('Nội dung chuyển khoản', qr.content, true),
      ),
      h(
        'p',
        { class: 'hint' },
        'Giữ nguyên nội dung chuyển khoản. Phường/xã xác nhận khi đối chiếu sao kê ngân hàng, ' +
          'có thể sau vài ngày làm việc.',
      ),
      h('a', { class: 'button', href: resultUrl }, 'Xem trạng thái thanh toán'),
    ),
  );
  root.querySelector<HTMLElement>('h2')?.focus();
};

import type { PublicAttempt } from '../../../shared/lookup/answer';
import { ApiError, fetchAttempt } from './api';
import { h, replace } from './dom';
import { formatMonths, formatVnd } from './format';
import { attemptIdOf } from './return';

const STATE_TEXT: Record<PublicAttempt['status'], string> = {
  pending: 'Đang chờ xác nhận thanh toán…',
  succeeded: 'Thanh toán thành công',
  failed: 'Thanh toán không thành công',
  expired: 'Giao dịch đã hết hạn',
};

/** Polls every few seconds, then less often: a gateway confirms in seconds, a bank later. */
const delayAfter = (polls: number): number => Math.min(3000 + polls * 1000, 15_000);

/** After this long still pending, polling stops and the resident is told what happens next. */
const GIVE_UP_MS = 15 * 60_000;

/**
 * The result page the gateway sends the resident back to (`/lookup/result?attempt=…`). It only
 * reads the attempt's state, which only a gateway's signed notification or the ward's
 * reconciliation changes; coming back here marks nothing paid.
 */
export const renderResult = (root: HTMLElement, params: URLSearchParams): void => {
  const id = attemptIdOf(params);
  const status = h('p', { class: 'state', role: 'status', 'aria-live': 'polite' });
  const details = h('div', {});
  const again = h('a', { class: 'button', href: '/lookup' }, 'Tra cứu hộ khác');
  replace(
    root,
    h('h1', {}, 'Kết quả thanh toán'),
    h('section', { class: 'card' }, status, details),
    again,
  );
  if (!id) {
    status.textContent = 'Thiếu mã giao dịch trong đường dẫn.';

    return;
  }

  let started = Date.now();
  let polls = 0;
  const show = (attempt: PublicAttempt) => {
    status.textContent = STATE_TEXT[attempt.status];
    status.dataset.state = attempt.status;
    replace(
      details,
      h(
        'dl',
        {},
        h('dt', {}, 'Số tiền'),
        h('dd', {}, formatVnd(attempt.amount)),
        h('dt', {}, 'Kỳ thu'),
        h('dd', {}, formatMonths(attempt.months)),
      ),
    );
  };
  const poll = async () => {
    polls += 1;
    try {
      const attempt = await fetchAttempt(id);
      show(attempt);
      if (attempt.status !== 'pending') return;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        status.textContent = 'Không tìm thấy giao dịch này.';

        return;
      }
      status.textContent = error instanceof ApiError ? error.message : 'Chưa đọc được trạng thái.';
    }
    if (Date.now() - started > GIVE_UP_MS) {
      const retry = h('button', { type: 'button' }, 'Kiểm tra lại');
      retry.addEventListener('click', () => {
        started = Date.now();
        polls = 0;
        void poll();
      });
      details.append(
        h(
          'p',
          { class: 'hint' },
          'Chưa nhận được xác nhận. Nếu tài khoản đã bị trừ tiền, phường/xã sẽ đối soát và ' +
            'ghi nhận; không cần thanh toán lại.',
        ),
        retry,
      );

      return;
    }
    setTimeout(poll, delayAfter(polls));
  };
  void poll();
};
